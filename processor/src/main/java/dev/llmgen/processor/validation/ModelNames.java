package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.elements;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Model names written in annotations, checked against the model catalog. */
final class ModelNames {

  private final ModelCatalog catalog;
  private final List<String> catalogued;

  ModelNames(ModelCatalog catalog) {
    this.catalog = catalog;
    this.catalogued = catalog.entries().stream().map(ModelEntry::name).toList();
  }

  boolean isCatalogued(String model) {
    return catalog.contains(model);
  }

  /** Who serves {@code model}, e.g. {@code openai} or {@code anthropic}, when the catalog knows it. */
  Optional<String> provider(String model) {
    return catalog.find(model).map(ModelEntry::provider);
  }

  /** {@code " (did you mean \"gpt-4o-mini\"?)"} for a name within two edits of a catalogued one, else empty. */
  String suggestion(String model) {
    return Suggestions.closest(model, catalogued).map(name -> " (did you mean \"" + name + "\"?)").orElse("");
  }

  /**
   * The models of the {@code String[]} attribute {@code name}, in order. Each that is not catalogued
   * or repeats an earlier one is reported where it is written.
   *
   * @return the models, or empty when one was reported
   */
  Optional<List<String>> list(
      ExecutableElement method, AnnotationMirror annotation, String name, String annotationName,
      DiagnosticReport report) {
    List<String> models = new ArrayList<>();
    boolean valid = true;
    for (AnnotationValue value : elements(annotation, name)) {
      String model = (String) value.getValue();
      if (models.contains(model)) {
        report.report(Message.DUPLICATE_MODEL, method, annotation, value, annotationName, model);
        valid = false;
      } else if (!isCatalogued(model)) {
        report.report(Message.UNCATALOGUED_MODEL, method, annotation, value, annotationName, model, suggestion(model));
        valid = false;
      }
      models.add(model);
    }
    return valid ? Optional.of(models) : Optional.empty();
  }
}
