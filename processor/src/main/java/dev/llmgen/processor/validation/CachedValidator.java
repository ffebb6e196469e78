package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.value;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.Cached;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.CacheModel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Checks {@code @Cached}: a positive ttl, room for an entry, a user for USER scope, an answer that is not streamed. */
final class CachedValidator {

  /** The method's cache settings; empty when it has no {@code @Cached} or {@code report} got an error. */
  Optional<CacheModel> validate(
      ExecutableElement method, boolean hasUserId, OptionalDouble temperature, boolean streamed,
      DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, Cached.class).toJavaUtil();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    boolean valid = true;
    if (streamed) {
      report.report(Message.CACHED_STREAM, method, annotation, method.getSimpleName());
      valid = false;
    }
    Optional<Duration> ttl = DurationValues.parsePositive(method, annotation, "ttl", "Cached", Message.CACHE_TTL, report);
    long maxEntries = (Long) value(annotation, "maxEntries").getValue();
    if (maxEntries < 1) {
      report.report(Message.CACHE_MAX_ENTRIES, method, annotation, value(annotation, "maxEntries"), maxEntries);
      valid = false;
    }
    AnnotationValue scope = value(annotation, "scope");
    boolean userScope = scope.getValue().toString().equals(Cached.Scope.USER.name());
    if (userScope && !hasUserId) {
      report.report(Message.POLICY_NEEDS_USER_ID, method, annotation, scope,
          "@Cached(scope = USER)", method.getSimpleName(), "cache for all users with scope = GLOBAL");
      valid = false;
    }
    if (temperature.isEmpty() || temperature.getAsDouble() > 0) {
      report.report(Message.CACHE_SAMPLED, method, annotation, temperature.isEmpty()
          ? "samples at the provider's default temperature"
          : "samples at temperature " + temperature.getAsDouble());
    }
    return valid && ttl.isPresent() ? Optional.of(new CacheModel(ttl.get(), maxEntries, userScope)) : Optional.empty();
  }
}
