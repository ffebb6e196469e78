package dev.llmgen.runtime.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one method's {@code @Retry} sets; whatever it leaves out keeps the configured default.
 *
 * @param maxAttempts requests in all, the first included
 * @param backoff the wait before the first retry
 * @param maxBackoff the longest wait between two requests, {@code Retry-After} aside
 */
public record RetryOverrides(OptionalInt maxAttempts, Optional<Duration> backoff, Optional<Duration> maxBackoff) {

  public static final RetryOverrides NONE = new RetryOverrides(OptionalInt.empty(), Optional.empty(), Optional.empty());

  public RetryOverrides {
    Objects.requireNonNull(maxAttempts, "maxAttempts");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }
}
