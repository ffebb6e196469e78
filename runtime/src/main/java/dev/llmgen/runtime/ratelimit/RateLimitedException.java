package dev.llmgen.runtime.ratelimit;

import dev.llmgen.runtime.LlmException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A call refused by its method's {@code @RateLimited}: a limit was used up and would not free enough
 * capacity within {@code maxWait}, or the request alone needs more tokens than {@code tokensPerMinute}.
 */
public class RateLimitedException extends LlmException {

  /** A limit of {@code @RateLimited}, named as the annotation names it. */
  public enum Limit {
    REQUESTS_PER_MINUTE("requestsPerMinute"),
    TOKENS_PER_MINUTE("tokensPerMinute");

    private final String attribute;

    Limit(String attribute) {
      this.attribute = attribute;
    }

    /** The annotation attribute that sets this limit. */
    public String attribute() {
      return attribute;
    }

    long valueIn(RateLimitPolicy policy) {
      return this == REQUESTS_PER_MINUTE ? policy.requestsPerMinute() : policy.tokensPerMinute();
    }
  }

  private final String feature;
  private final Limit limit;
  private final long limitValue;
  private final String userId;
  private final Duration retryAfter;

  private RateLimitedException(String message, LimitScope scope, Limit limit, long limitValue, Duration retryAfter) {
    super(message);
    this.feature = scope.feature();
    this.limit = limit;
    this.limitValue = limitValue;
    this.userId = scope.userId();
    this.retryAfter = retryAfter;
  }

  static RateLimitedException limitReached(
      LimitScope scope, Limit limit, RateLimitPolicy policy, Duration retryAfter) {
    long value = limit.valueIn(policy);
    return new RateLimitedException(
        scope.feature() + ": " + limit.attribute() + " = " + value + " is used up " + scope.describe()
            + " and frees no room for this call within maxWait (" + seconds(policy.maxWait())
            + "); retry after " + seconds(retryAfter),
        scope, limit, value, retryAfter);
  }

  static RateLimitedException tooLarge(LimitScope scope, long tokens, long tokensPerMinute) {
    return new RateLimitedException(
        scope.feature() + ": a request of " + tokens + " tokens (input plus maxTokens) never fits tokensPerMinute = "
            + tokensPerMinute + "; shorten the prompt, lower maxTokens or raise tokensPerMinute",
        scope, Limit.TOKENS_PER_MINUTE, tokensPerMinute, null);
  }

  /** The method refused, e.g. {@code SupportBot.answer}. */
  public String feature() {
    return feature;
  }

  public Limit limit() {
    return limit;
  }

  /** The value of the limit, per minute. */
  public long limitValue() {
    return limitValue;
  }

  /** The user whose limits were used up; empty when the limits are shared by all callers. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** When the same call would fit, if no one else came first; empty when it never fits. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  // Rounded up to the millisecond, so that a caller who waits as long as the message says is in time.
  private static String seconds(Duration duration) {
    long millis = duration.plusNanos(999_999).toMillis();
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
  }
}
