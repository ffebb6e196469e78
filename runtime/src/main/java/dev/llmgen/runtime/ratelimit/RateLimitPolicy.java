package dev.llmgen.runtime.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A method's {@code @RateLimited}, as the processor checked it. {@link #NO_LIMIT} marks a limit that
 * does not apply.
 *
 * @param requestsPerMinute the most requests in any minute
 * @param tokensPerMinute the most tokens (input plus {@code maxTokens}) in any minute
 * @param perUser whether each {@code @UserId} has limits of its own
 * @param maxWait how long a caller may wait for capacity
 */
public record RateLimitPolicy(long requestsPerMinute, long tokensPerMinute, boolean perUser, Duration maxWait) {

  public static final long NO_LIMIT = Long.MAX_VALUE;

  public RateLimitPolicy {
    Objects.requireNonNull(maxWait, "maxWait");
    if (requestsPerMinute < 1 || tokensPerMinute < 1) {
      throw new IllegalArgumentException(
          "rate limits must be positive: " + requestsPerMinute + " requests, " + tokensPerMinute + " tokens");
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
    }
  }
}
