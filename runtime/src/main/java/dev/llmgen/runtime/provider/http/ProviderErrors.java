package dev.llmgen.runtime.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.format.Json;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The exceptions of one provider, and their text. Everything it shows of what a server sent passes through
 * {@link ApiKey#redact}, since servers and proxies sometimes echo the key.
 */
public final class ProviderErrors {

  /** The longest excerpt of a body an error shows. */
  public static final int EXCERPT_LENGTH = 300;
  /** The error code of a model that declined to answer. */
  public static final String REFUSAL = "refusal";

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

  /**
   * The exception of a response with an error status: the server's code and message.
   *
   * @param retryAfter the wait the response asks for; empty without one
   */
  public LlmProviderException errorStatus(int status, String body, String model, Optional<Duration> retryAfter) {
    Optional<ErrorDetails> error = ErrorDetails.parse(body);
    String code = error.map(ErrorDetails::code).orElse(null);
    return fromBody(
        provider + " returned " + status + (code == null ? "" : " (" + code + ")") + " for model " + model, status,
        model, body, error, retryAfter.orElse(null), null);
  }

  /**
   * The exception of an answer, or one event of a streamed answer, that is not what the API sends.
   *
   * @param what what is wrong, after "the {status}", e.g. "body is not a Messages API response"
   * @param reason why it is not
   */
  public LlmProviderException malformed(
      int status, String body, String model, String what, String reason, Throwable cause) {
    // Some servers put an error object in a 200 body instead of using an error status.
    return fromBody(
        provider + " returned a malformed answer for model " + model + ": the " + status + " " + what + " ("
            + reason + ")",
        status, model, body, ErrorDetails.parse(body), null, cause);
  }

  /** As {@link #malformed}, for a body or event that is not even JSON. */
  public LlmProviderException unreadable(
      int status, String body, String model, String what, JsonProcessingException e) {
    // Not attached as the cause: Jackson's message quotes the body, which could echo the API key.
    return malformed(status, body, model, what, redact(e.getOriginalMessage()), null);
  }

  /**
   * The exception of an error body the server sent, a whole response or one event of a stream.
   *
   * @param headline what happened, which the server's message follows
   * @param error the body's code and message, as {@link ErrorDetails#parse} reads them
   * @param retryAfter the wait the server asks for; null without one
   */
  public LlmProviderException fromBody(
      String headline, int status, String model, String body, Optional<ErrorDetails> error, Duration retryAfter,
      Throwable cause) {
    return new LlmProviderException(
        headline + ": " + detail(body, error.map(ErrorDetails::message)), provider, model, status,
        error.map(ErrorDetails::code).orElse(null), excerpt(body), retryAfter, cause);
  }

  /**
   * The exception of a stream whose body ended before the answer was complete.
   *
   * @param missing what never came, e.g. "no message_stop"
   */
  public LlmProviderException endedEarly(int status, String model, String missing, int charactersSoFar) {
    return new LlmProviderException(
        provider + " ended the stream for model " + model + " before the answer was complete (" + missing
            + ") after " + charactersSoFar + " characters",
        provider, model, status, null, null, null, null);
  }

  /**
   * A model that declined to answer, so there is nothing to decode.
   *
   * @param refusal what the model said, if anything
   * @param body the body to quote, if any
   */
  public LlmProviderException refusal(String model, int status, String refusal, String body) {
    String said = refusal == null || refusal.isBlank() ? "" : ": \"" + excerpt(refusal) + '"';
    return new LlmProviderException(
        "model " + model + " on " + provider + " refused to answer" + said,
        provider, model, status, REFUSAL, body == null ? null : excerpt(body), null, null);
  }

  /** The exception of an exchange that was not over within {@code timeout}, body included. */
  public LlmTimeoutException timeout(String model, Duration timeout, TimeoutException expired) {
    return new LlmTimeoutException(provider, model, timeout, expired);
  }

  /**
   * The exception of an exchange that failed before the answer was complete: a server that could not be
   * reached, a broken connection, or a request timeout the JDK reports.
   *
   * @param timeout the request's timeout, for the message of a timeout
   */
  public LlmProviderException transportFailure(Throwable failure, String model, Duration timeout) {
    // A connect timeout means the server cannot be reached; waiting longer for answers would not help.
    if (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
      return new LlmTimeoutException(provider, model, timeout, failure);
    }
    return unreachable(model, failure, failure instanceof ConnectException);
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

  /**
   * The message and code of an error body: {@code {"error":{"message","type","code"}}} (OpenAI, and
   * Anthropic's {@code {"type":"error","error":{"type","message"}}}), the same fields at the top level,
   * or {@code {"error":"..."}}. The code is the {@code code} field, else the {@code type}.
   */
  public record ErrorDetails(String message, String code) {

    /** Empty when the body is not JSON or has no message. */
    public static Optional<ErrorDetails> parse(String body) {
      JsonNode root;
      try {
        root = Json.MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      JsonNode error = root.path("error");
      if (error.isTextual()) {
        return Optional.of(new ErrorDetails(error.asText(), null));
      }
      JsonNode details = error.isObject() ? error : root; // older vLLM puts the fields at the top level
      return text(details, "message").map(message ->
          new ErrorDetails(message, text(details, "code").or(() -> text(details, "type")).orElse(null)));
    }

    /** A non-blank string field; numeric codes (llama.cpp repeats the status) are no better than the type. */
    private static Optional<String> text(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
  }
}
