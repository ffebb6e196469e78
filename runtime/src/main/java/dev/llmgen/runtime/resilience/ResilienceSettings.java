package dev.llmgen.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * The configured defaults of retries, circuit breakers and adaptive limiting, which every method has
 * whether or not it says anything about them; a method's {@code @Retry} overrides its retry defaults.
 *
 * @param retry the retry defaults
 * @param circuitBreaker the circuit breaker of every model
 * @param adaptiveLimiting whether requests are held back, before the provider answers 429, when its
 *     rate-limit headers say the account's limits are used up (see {@link AdaptiveLimitingProvider})
 */
public record ResilienceSettings(RetryPolicy retry, CircuitBreakerPolicy circuitBreaker, boolean adaptiveLimiting) {

  public static final ResilienceSettings DEFAULTS = new ResilienceSettings(
      new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60)),
      new CircuitBreakerPolicy(50, 20, 10, Duration.ofSeconds(30), 3),
      true);

  public ResilienceSettings {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
  }

  /**
   * One method's retry policy: what its {@code @Retry} sets, the defaults for the rest. A method that
   * raises its backoff above the default {@code maxBackoff} without setting one raises the cap with it,
   * since a cap below its own first wait is not what it asked for.
   *
   * @throws IllegalArgumentException when the method sets a {@code maxBackoff} below its {@code backoff}
   */
  public RetryPolicy retryPolicy(RetryOverrides overrides) {
    Duration backoff = overrides.backoff().orElse(retry.backoff());
    Duration maxBackoff = overrides.maxBackoff()
        .orElseGet(() -> backoff.compareTo(retry.maxBackoff()) > 0 ? backoff : retry.maxBackoff());
    return new RetryPolicy(
        overrides.maxAttempts().orElse(retry.maxAttempts()), backoff, maxBackoff, retry.jitter(),
        retry.maxRetryAfter());
  }
}
