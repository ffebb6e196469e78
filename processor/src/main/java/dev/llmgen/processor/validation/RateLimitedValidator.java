package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.value;
import static dev.llmgen.processor.validation.AnnotationValues.written;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.RateLimited;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.RateLimitModel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Checks {@code @RateLimited}: at least one positive limit, a maxWait that parses, a user for perUser. */
final class RateLimitedValidator {

  /** The method's rate limits; empty when it has no {@code @RateLimited} or {@code report} got an error. */
  Optional<RateLimitModel> validate(ExecutableElement method, boolean hasUserId, DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, RateLimited.class).toJavaUtil();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    boolean valid = true;
    OptionalLong requests = OptionalLong.empty();
    OptionalLong tokens = OptionalLong.empty();
    for (String limit : new String[] {"requestsPerMinute", "tokensPerMinute"}) {
      Optional<AnnotationValue> written = written(annotation, limit);
      if (written.isEmpty()) {
        continue;
      }
      long perMinute = ((Number) written.get().getValue()).longValue();
      if (perMinute < 1) {
        report.report(Message.RATE_LIMIT, method, annotation, written.get(), limit, perMinute);
        valid = false;
      } else if (limit.equals("requestsPerMinute")) {
        requests = OptionalLong.of(perMinute);
      } else {
        tokens = OptionalLong.of(perMinute);
      }
    }
    if (valid && requests.isEmpty() && tokens.isEmpty()) {
      report.report(Message.RATE_NO_LIMIT, method, annotation);
      valid = false;
    }
    boolean perUser = (Boolean) value(annotation, "perUser").getValue();
    if (perUser && !hasUserId) {
      report.report(Message.POLICY_NEEDS_USER_ID, method, annotation, value(annotation, "perUser"),
          "@RateLimited(perUser = true)", method.getSimpleName(), "share the limits with perUser = false");
      valid = false;
    }
    Optional<Duration> maxWait = DurationValues.parse(method, annotation, "maxWait", "RateLimited", report);
    if (maxWait.isPresent() && maxWait.get().isNegative()) {
      report.report(Message.BAD_DURATION, method, annotation, value(annotation, "maxWait"), "RateLimited",
          "maxWait", "'" + value(annotation, "maxWait").getValue() + "' is negative; a caller cannot wait less than 0");
      valid = false;
    }
    return valid && maxWait.isPresent()
        ? Optional.of(new RateLimitModel(requests, tokens, perUser, maxWait.get()))
        : Optional.empty();
  }
}
