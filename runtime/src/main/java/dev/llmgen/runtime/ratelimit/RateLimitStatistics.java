package dev.llmgen.runtime.ratelimit;

import java.time.Duration;

/**
 * What one method's rate limit has done so far.
 *
 * @param admitted calls let through, at once or after waiting
 * @param waited admitted calls that had to wait for room
 * @param totalWait how long the admitted calls waited, added up
 * @param rejected calls that failed with {@link RateLimitedException}
 */
public record RateLimitStatistics(long admitted, long waited, Duration totalWait, long rejected) {

  /** Both together, for methods reported under one name. */
  RateLimitStatistics plus(RateLimitStatistics other) {
    return new RateLimitStatistics(
        admitted + other.admitted, waited + other.waited, totalWait.plus(other.totalWait), rejected + other.rejected);
  }
}
