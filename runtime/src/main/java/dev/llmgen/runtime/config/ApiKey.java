package dev.llmgen.runtime.config;

/**
 * A provider API key. It shows itself to nothing but the HTTP header that needs it: {@code toString},
 * logs and exceptions see {@code ****}.
 */
public final class ApiKey {

  private final String secret;

  public ApiKey(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("an API key must not be blank");
    }
    this.secret = secret.strip();
  }

  /** The value for an {@code Authorization: Bearer} header. */
  public String bearerToken() {
    return "Bearer " + secret;
  }

  /** The key as it is, for a header of the provider's own, such as Anthropic's {@code x-api-key}. */
  public String headerValue() {
    return secret;
  }

  /** {@code text} with every occurrence of the key replaced, for anything that may be shown. */
  public String redact(String text) {
    return text == null ? null : text.replace(secret, "****");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key && key.secret.equals(secret);
  }

  @Override
  public int hashCode() {
    return secret.hashCode();
  }

  @Override
  public String toString() {
    return "ApiKey[****]";
  }
}
