package dev.llmgen.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How one method's requests are retried when they fail for a reason that may pass: the configured
 * defaults with the method's {@code @Retry} applied (see {@link ResilienceSettings#retryPolicy}).
 *
 * @param maxAttempts requests in all, the first included; 1 means no retry
 * @param backoff the wait before the first retry; each later wait doubles it
 * @param maxBackoff the longest wait between two requests, the provider's {@code Retry-After} aside
 * @param jitter how far a wait may stray from its exponential value, as a share of it: 0.5 waits
 *     between half and one and a half times that value, so that callers failing together do not
 *     come back together
 * @param maxRetryAfter the longest {@code Retry-After} waited for; a provider asking for more fails the
 *     request at once, so that a fallback model can answer instead of the caller waiting
 */
public record RetryPolicy(
    int maxAttempts, Duration backoff, Duration maxBackoff, double jitter, Duration maxRetryAfter) {

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    requirePositive(backoff, "backoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxRetryAfter, "maxRetryAfter");
    if (maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") must not be shorter than backoff (" + backoff + ")");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be at least 0 and below 1, not " + jitter);
    }
  }

  /** This policy, giving up at once on a {@code Retry-After} longer than {@code maxRetryAfter}. */
  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxAttempts, backoff, maxBackoff, jitter, maxRetryAfter);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be longer than zero, not " + duration);
    }
  }
}
