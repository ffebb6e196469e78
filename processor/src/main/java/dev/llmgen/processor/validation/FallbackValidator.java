package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.elements;
import static dev.llmgen.processor.validation.AnnotationValues.value;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.Cascade;
import dev.llmgen.annotations.Fallback;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Checks {@code @Fallback}: at least one catalogued model, none twice, none the method's own, no {@code @Cascade} beside it. */
final class FallbackValidator {

  private final ModelNames modelNames;

  FallbackValidator(ModelNames modelNames) {
    this.modelNames = modelNames;
  }

  /**
   * The models to try, in order, when the method's own model cannot answer; empty when the method has
   * no {@code @Fallback} or {@code report} got an error.
   *
   * @param ownModel the model {@code @LlmCall} names
   */
  List<String> validate(ExecutableElement method, String ownModel, DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, Fallback.class).toJavaUtil();
    if (found.isEmpty()) {
      return List.of();
    }
    AnnotationMirror annotation = found.get();
    if (MoreElements.isAnnotationPresent(method, Cascade.class)) {
      report.report(Message.FALLBACK_WITH_CASCADE, method, annotation);
      return List.of();
    }
    List<? extends AnnotationValue> listed = elements(annotation, "value");
    if (listed.isEmpty()) {
      report.report(Message.FALLBACK_NO_MODEL, method, annotation, value(annotation, "value"));
      return List.of();
    }
    boolean valid = true;
    for (AnnotationValue model : listed) {
      if (model.getValue().equals(ownModel)) {
        report.report(Message.FALLBACK_OWN_MODEL, method, annotation, model, ownModel);
        valid = false;
      }
    }
    Optional<List<String>> models = modelNames.list(method, annotation, "value", "Fallback", report);
    return valid && models.isPresent() ? models.get() : List.of();
  }
}
