package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how many requests and tokens an {@link LlmCall} method sends per minute, as providers count
 * them (a request's tokens: its input, counted exactly, plus {@code maxTokens}). A caller over the
 * limit waits up to {@link #maxWait()} for capacity, then fails with {@code RateLimitedException}
 * saying which limit and when to retry. In no minute are more requests or tokens sent than the limit.
 *
 * <p>Set at least one limit; a limit left out does not apply.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RateLimited {

  /** The most requests in any minute. */
  int requestsPerMinute() default 0;

  /** The most tokens in any minute. */
  long tokensPerMinute() default 0;

  /** Whether each {@link UserId} has limits of its own, instead of all callers sharing them. */
  boolean perUser() default false;

  /** How long a caller may wait for capacity: {@code 500ms}, {@code 5s}, {@code 1m} or ISO-8601. */
  String maxWait() default "5s";
}
