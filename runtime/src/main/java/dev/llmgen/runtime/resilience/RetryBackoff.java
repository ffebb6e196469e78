package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmProviderException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The wait before each retry, in milliseconds as Resilience4j takes it: the policy's backoff, doubled
 * after each failed request and capped at {@code maxBackoff}, scattered by the jitter (still within the
 * cap), and never shorter than the provider's {@code Retry-After}. Resilience4j's own randomized backoff
 * draws from {@code Math.random()}; this one draws from the given source, so tests can pin it.
 */
final class RetryBackoff implements IntervalBiFunction<Object> {

  /** What an interval function returns to make Resilience4j give up instead of waiting. */
  static final long GIVE_UP = -1;

  private final RetryPolicy policy;
  private final DoubleSupplier random;

  /** @param random uniform in [0, 1), drawn once per wait */
  RetryBackoff(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /** @param failedRequests requests that have failed so far: 1 before the first retry */
  @Override
  public Long apply(Integer failedRequests, Either<Throwable, Object> outcome) {
    Optional<Duration> retryAfter = outcome.isLeft() && outcome.getLeft() instanceof LlmProviderException provider
        ? provider.retryAfter()
        : Optional.empty();
    return waitMillis(failedRequests, retryAfter);
  }

  /**
   * The wait after {@code failedRequests} failures, or {@link #GIVE_UP} when the provider asks for a
   * longer wait than {@code maxRetryAfter}: better to fail now, so that a fallback model can answer.
   */
  long waitMillis(int failedRequests, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
      return GIVE_UP;
    }
    long cap = policy.maxBackoff().toMillis();
    double spread = 1 - policy.jitter() + 2 * policy.jitter() * random.getAsDouble();
    long jittered = Math.min(Math.round(exponential(failedRequests, cap) * spread), cap);
    return Math.max(jittered, retryAfter.map(RetryBackoff::ceilMillis).orElse(0L));
  }

  // Doubling stops at the cap, so that no number of failures overflows.
  private long exponential(int failedRequests, long cap) {
    long wait = policy.backoff().toMillis();
    for (int doubling = 1; doubling < failedRequests && wait < cap; doubling++) {
      wait *= 2;
    }
    return Math.min(wait, cap);
  }

  // Rounded up, so that a wait in milliseconds is never shorter than the provider asked.
  private static long ceilMillis(Duration duration) {
    return duration.plusNanos(999_999).toMillis();
  }
}
