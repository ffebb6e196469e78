package dev.llmgen.runtime.provider.http;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.config.ApiKey;
import java.net.URI;
import java.util.Optional;

/**
 * The text of one provider's errors. Everything it shows of what a server sent passes through
 * {@link ApiKey#redact}, since servers and proxies sometimes echo the key.
 */
public final class ProviderErrors {

  /** The longest excerpt of a body an error shows. */
  public static final int EXCERPT_LENGTH = 300;

  private final String provider;
  private final URI endpoint;
  private final Optional<ApiKey> apiKey;
  private final String baseUriSetting;

  /**
   * @param provider the provider's name, which starts its messages
   * @param endpoint where it sends requests, which a server that cannot be reached is named by
   * @param apiKey the key to blank out; empty for a server that needs none
   * @param baseUriSetting the setting that points the provider at a server, suggested when none answered
   */
  public ProviderErrors(String provider, URI endpoint, Optional<ApiKey> apiKey, String baseUriSetting) {
    this.provider = provider;
    this.endpoint = endpoint;
    this.apiKey = apiKey;
    this.baseUriSetting = baseUriSetting;
  }

  /** The server's own error message where the body has one, else the start of the body. */
  public String detail(String body, Optional<String> serverMessage) {
    return serverMessage.map(this::excerpt).orElseGet(() -> body.isBlank() ? "(empty body)" : excerpt(body));
  }

  /** One line of at most {@link #EXCERPT_LENGTH} characters, redacted before it is cut so no piece of a key is left. */
  public String excerpt(String text) {
    String oneLine = redact(text).strip().replaceAll("\\s+", " ");
    return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH - 1) + "…";
  }

  public String redact(String text) {
    return apiKey.map(key -> key.redact(text)).orElse(text);
  }

  /**
   * The exception of an exchange that got no response: no server answered, or the connection broke.
   *
   * @param askAboutTheServer whether to ask if the server runs at the URL {@code baseUriSetting} gives,
   *     for failures that suggest nothing is listening there
   */
  public LlmProviderException unreachable(String model, Throwable failure, boolean askAboutTheServer) {
    String hint = askAboutTheServer ? " (is the server running, and is " + baseUriSetting + " right?)" : "";
    return new LlmProviderException(
        provider + " could not be reached at " + endpoint + " for model " + model + ": " + redact(describe(failure))
            + hint,
        provider, model, LlmProviderException.NO_RESPONSE, null, null, null, failure);
  }

  /** The exception's type and the first message down its cause chain (the JDK often wraps the useful one). */
  private static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return failure.getClass().getSimpleName() + ": " + cause.getMessage();
      }
    }
    return failure.getClass().getSimpleName();
  }
}
