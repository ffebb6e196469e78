package dev.llmgen.runtime.cascade;

import java.util.HashSet;
import java.util.List;

/**
 * A method's {@code @Cascade}: the models to try in order, the score an answer needs, and what to do
 * when no answer reaches it.
 *
 * @param models at least two distinct models, as named in code (before the model map), cheapest first
 * @param threshold the score in (0, 1] an answer needs to be accepted
 * @param failBelowThreshold whether to fail instead of returning the best answer below the threshold
 */
public record CascadePolicy(List<String> models, double threshold, boolean failBelowThreshold) {

  public CascadePolicy {
    models = List.copyOf(models);
    if (models.size() < 2) {
      throw new IllegalArgumentException("a cascade needs at least two models, not " + models);
    }
    if (new HashSet<>(models).size() != models.size()) {
      throw new IllegalArgumentException("a cascade names each model once, not " + models);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("a cascade's threshold must be in (0, 1], not " + threshold);
    }
  }
}
