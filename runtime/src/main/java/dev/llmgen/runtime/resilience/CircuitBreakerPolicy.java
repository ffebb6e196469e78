package dev.llmgen.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When a model's circuit opens, and how it closes again. One circuit per provider model is shared by
 * every method that calls the model, since they all meet the same outage.
 *
 * @param failureRateThreshold the percentage of failed calls (once their retries are spent), among the last {@code slidingWindowSize},
 *     at or above which the circuit opens
 * @param slidingWindowSize how many of the latest calls the failure rate is computed over
 * @param minimumCalls how many calls must have ended before the failure rate is trusted
 * @param openDuration how long an open circuit refuses calls before it lets probes through
 * @param halfOpenCalls how many probe calls a half-open circuit lets through; their failure rate
 *     decides whether it closes or opens again
 */
public record CircuitBreakerPolicy(
    double failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration openDuration, int halfOpenCalls) {

  public CircuitBreakerPolicy {
    Objects.requireNonNull(openDuration, "openDuration");
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException(
          "failureRateThreshold must be a percentage above 0 and at most 100, not " + failureRateThreshold);
    }
    if (slidingWindowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException("slidingWindowSize (" + slidingWindowSize + "), minimumCalls ("
          + minimumCalls + ") and halfOpenCalls (" + halfOpenCalls + ") must each be at least 1");
    }
    if (minimumCalls > slidingWindowSize) {
      // Resilience4j would quietly lower it to the window size, opening sooner than configured.
      throw new IllegalArgumentException("minimumCalls (" + minimumCalls + ") must not be more than slidingWindowSize ("
          + slidingWindowSize + "), the calls the failure rate is computed over");
    }
    if (openDuration.isNegative() || openDuration.isZero()) {
      throw new IllegalArgumentException("openDuration must be longer than zero, not " + openDuration);
    }
  }
}
