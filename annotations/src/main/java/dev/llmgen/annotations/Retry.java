package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an {@link LlmCall} method retries requests that failed for a reason that may pass: rate limits
 * (429), overloaded or failing servers (5xx, 529), timeouts and lost connections. Never 400, 401, 403
 * or 404. Waits grow exponentially from {@link #backoff()} to {@link #maxBackoff()}, with jitter, and
 * are never shorter than the provider's {@code Retry-After}.
 *
 * <p>Every method retries even without this annotation, with the configured defaults
 * ({@code LLMGEN_RETRY_MAX_ATTEMPTS}, {@code LLMGEN_RETRY_BACKOFF}, {@code LLMGEN_RETRY_MAX_BACKOFF});
 * an attribute set here overrides its default for this method, one left out keeps it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Retry {

  /** Requests in all, the first included: {@code 1} never retries. */
  int maxAttempts() default 3;

  /** The wait before the first retry: {@code 500ms}, {@code 2s} or ISO-8601. */
  String backoff() default "500ms";

  /** The longest wait between two requests, {@code Retry-After} aside. */
  String maxBackoff() default "30s";
}
