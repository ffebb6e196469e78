package dev.llmgen.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A method's {@code @Cascade}, checked.
 *
 * @param models at least two distinct catalogued models, cheapest first
 * @param scorer the class Guice constructs to score answers; {@code DecodesScorer} by default
 */
public record CascadeModel(List<String> models, double threshold, ClassName scorer, boolean failBelowThreshold) {

  public CascadeModel {
    models = List.copyOf(models);
  }

  /** The model asked first, which the call specification names as the method's model. */
  public String firstModel() {
    return models.get(0);
  }
}
