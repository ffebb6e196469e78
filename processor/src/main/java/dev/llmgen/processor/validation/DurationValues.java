package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.value;

import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.units.Durations;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Reads a duration attribute ({@code 30s}, {@code 1h}, ISO-8601), reporting one that does not parse. */
final class DurationValues {

  private DurationValues() {}

  static Optional<Duration> parse(
      ExecutableElement method, AnnotationMirror annotation, String name, String annotationName,
      DiagnosticReport report) {
    AnnotationValue value = value(annotation, name);
    try {
      return Optional.of(Durations.parse((String) value.getValue()));
    } catch (IllegalArgumentException e) {
      report.report(Message.BAD_DURATION, method, annotation, value, annotationName, name, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Like {@link #parse}, and reports {@code notPositive}, with the attribute's name and text, for a
   * duration of zero or less.
   */
  static Optional<Duration> parsePositive(
      ExecutableElement method, AnnotationMirror annotation, String name, String annotationName,
      Message notPositive, DiagnosticReport report) {
    Optional<Duration> duration = parse(method, annotation, name, annotationName, report);
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      AnnotationValue value = value(annotation, name);
      report.report(notPositive, method, annotation, value, name, value.getValue());
      return Optional.empty();
    }
    return duration;
  }
}
