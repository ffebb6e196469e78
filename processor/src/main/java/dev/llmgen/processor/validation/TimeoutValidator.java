package dev.llmgen.processor.validation;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.Timeout;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/** Checks {@code @Timeout}: a duration longer than zero. */
final class TimeoutValidator {

  /** How long one request may take; empty when the method has no {@code @Timeout} or {@code report} got an error. */
  Optional<Duration> validate(ExecutableElement method, DiagnosticReport report) {
    return MoreElements.getAnnotationMirror(method, Timeout.class).toJavaUtil().flatMap(annotation ->
        DurationValues.parsePositive(method, annotation, "value", "Timeout", Message.TIMEOUT, report));
  }
}
