package dev.llmgen.runtime;

import java.time.Duration;

/** No answer arrived within the configured timeout. Worth retrying. */
public class LlmTimeoutException extends LlmProviderException {

  private final Duration timeout;

  public LlmTimeoutException(String provider, String model, Duration timeout, Throwable cause) {
    super(provider + " gave no answer for model " + model + " within " + timeout.toMillis()
            + " ms (set LLMGEN_TIMEOUT to wait longer)",
        provider, model, NO_RESPONSE, null, null, null, cause);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
