package dev.llmgen.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider answered with an error, or could not be reached. Carries the HTTP status (0 when no
 * response arrived), the provider's error code where its body names one, a short excerpt of the body,
 * and the server's {@code Retry-After} hint.
 */
public class LlmProviderException extends LlmException {

  /** The status reported when no HTTP response arrived at all (connection refused, reset...). */
  public static final int NO_RESPONSE = 0;

  private final String provider;
  private final String model;
  private final int statusCode;
  private final String errorCode;
  private final String bodyExcerpt;
  private final Duration retryAfter;

  public LlmProviderException(
      String message, String provider, String model, int statusCode, String errorCode,
      String bodyExcerpt, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.provider = provider;
    this.model = model;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.bodyExcerpt = bodyExcerpt;
    this.retryAfter = retryAfter;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int statusCode() {
    return statusCode;
  }

  /** The provider's own error code or type, e.g. {@code invalid_api_key}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The start of the response body, at most a few hundred characters; empty when there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /** How long the provider asked callers to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether the same request may succeed if sent again: rate limits (429), timeouts and conflicts
   * (408, 409), server errors (5xx) and failures to connect. Never for 400, 401, 403 or 404.
   */
  public boolean isRetryable() {
    return statusCode == NO_RESPONSE || statusCode == 408 || statusCode == 409 || statusCode == 429
        || statusCode >= 500;
  }
}
