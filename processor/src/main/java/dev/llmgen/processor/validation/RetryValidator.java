package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.written;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.Retry;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.RetryModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks {@code @Retry}: from 1 to {@value #MAX_ATTEMPTS} attempts, waits longer than zero, and a
 * backoff no longer than maxBackoff. Only attributes the source writes are kept: the others keep the
 * configured defaults, which the annotation's own defaults merely document.
 */
final class RetryValidator {

  /** More attempts than this only make a caller wait longer for a failure that is not passing. */
  static final int MAX_ATTEMPTS = 10;

  private static final String BACKOFF = "backoff";
  private static final String MAX_BACKOFF = "maxBackoff";

  /** What the method's {@code @Retry} overrides; empty when it has none or {@code report} got an error. */
  Optional<RetryModel> validate(ExecutableElement method, DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, Retry.class).toJavaUtil();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    boolean valid = true;
    OptionalInt maxAttempts = OptionalInt.empty();
    Optional<AnnotationValue> attempts = written(annotation, "maxAttempts");
    if (attempts.isPresent()) {
      int value = (Integer) attempts.get().getValue();
      if (value < 1 || value > MAX_ATTEMPTS) {
        report.report(Message.RETRY_MAX_ATTEMPTS, method, annotation, attempts.get(), value, MAX_ATTEMPTS);
        valid = false;
      } else {
        maxAttempts = OptionalInt.of(value);
      }
    }
    Map<String, Duration> waits = new LinkedHashMap<>();
    for (String wait : List.of(BACKOFF, MAX_BACKOFF)) {
      if (written(annotation, wait).isEmpty()) {
        continue;
      }
      Optional<Duration> duration =
          DurationValues.parsePositive(method, annotation, wait, "Retry", Message.RETRY_BACKOFF, report);
      duration.ifPresent(parsed -> waits.put(wait, parsed));
      valid &= duration.isPresent();
    }
    // Only waits written side by side can be compared: the configured defaults are known at run time.
    if (waits.size() == 2 && waits.get(BACKOFF).compareTo(waits.get(MAX_BACKOFF)) > 0) {
      report.report(Message.RETRY_BACKOFF_ORDER, method, annotation, written(annotation, BACKOFF).get(),
          written(annotation, BACKOFF).get().getValue(), written(annotation, MAX_BACKOFF).get().getValue());
      valid = false;
    }
    return valid
        ? Optional.of(new RetryModel(
            maxAttempts, Optional.ofNullable(waits.get(BACKOFF)), Optional.ofNullable(waits.get(MAX_BACKOFF))))
        : Optional.empty();
  }
}
