package dev.llmgen.runtime.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.http.ExchangeDecoder;
import dev.llmgen.runtime.provider.http.ProviderErrors;
import dev.llmgen.runtime.provider.http.RetryAfter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns what came back from the Messages API, an HTTP response, a stream's {@code error} event or a
 * transport failure, into a {@link Completion} or an {@link LlmProviderException}. What it shows of a
 * body passes through {@link ProviderErrors}, which blanks out the {@link ApiKey}: servers and proxies
 * sometimes echo it.
 */
final class AnthropicResponseDecoder implements ExchangeDecoder {

  /** Anthropic's stop reasons for an answer cut off before the model was done. */
  private static final List<String> CUT_OFF = List.of("max_tokens", "model_context_window_exceeded");
  private static final String REFUSAL = "refusal";

  /**
   * The HTTP status Anthropic gives each error type. An error that arrives inside a stream came with a
   * 200, so its status is taken from here, which keeps {@link LlmProviderException#isRetryable} right.
   */
  private static final Map<String, Integer> ERROR_STATUS = Map.of(
      "invalid_request_error", 400, "authentication_error", 401, "billing_error", 402,
      "permission_error", 403, "not_found_error", 404, "request_too_large", 413, "rate_limit_error", 429,
      "api_error", 500, "timeout_error", 504, "overloaded_error", 529);
  /** The status of a stream error of a type Anthropic does not list: the server failed mid-answer. */
  private static final int UNLISTED_STREAM_ERROR_STATUS = 500;

  private final ProviderErrors errors;
  private final Clock clock;

  AnthropicResponseDecoder(URI endpoint, ApiKey apiKey, Clock clock) {
    this.errors =
        new ProviderErrors(AnthropicProvider.NAME, endpoint, Optional.of(apiKey), LlmSettings.ANTHROPIC_BASE_URL);
    this.clock = clock;
  }

  /** @throws LlmProviderException for an error status, a refusal or a body that is not a message */
  @Override
  public Completion decode(HttpResponse<String> response, String model) {
    String body = Objects.requireNonNullElse(response.body(), "");
    if (response.statusCode() / 100 != 2) {
      throw errorStatus(response.statusCode(), response.headers(), body, model);
    }
    MessageBody message;
    try {
      message = Json.MAPPER.readValue(body, MessageBody.class);
    } catch (JsonProcessingException e) {
      throw unreadable(response.statusCode(), body, model, e);
    }
    if (message == null || message.content() == null) {
      throw malformed(response.statusCode(), body, model, "no content", null);
    }
    try {
      return completion(
          model, Objects.requireNonNullElse(message.model(), model), message.answer(), message.stopReason(),
          message.usage() == null ? AnthropicUsage.NONE : message.usage(), rateLimits(response.headers()));
    } catch (IllegalArgumentException e) { // impossible token counts
      throw malformed(response.statusCode(), body, model, e.getMessage(), e);
    }
  }

  /**
   * The completion of a finished message, whole or streamed.
   *
   * @param requestedModel the model asked for, which errors name
   * @param answeringModel the model that answered, often a dated snapshot
   * @throws LlmProviderException when the model refused to answer
   * @throws IllegalArgumentException for impossible token counts
   */
  Completion completion(
      String requestedModel, String answeringModel, String text, String stopReason, AnthropicUsage usage,
      RateLimitStatus rateLimits) {
    if (REFUSAL.equals(stopReason)) {
      throw refusal(text, requestedModel);
    }
    String finishReason = stopReason != null && CUT_OFF.contains(stopReason) ? Completion.FINISH_LENGTH : stopReason;
    return new Completion(text, answeringModel, finishReason, usage.tokenUsage(), List.of(), rateLimits);
  }

  /** The rate-limit headers of a response that has just arrived. */
  RateLimitStatus rateLimits(HttpHeaders headers) {
    return AnthropicRateLimits.read(headers, clock.instant());
  }

  /** The exception for a response with an error status, from its body and its {@code retry-after} header. */
  @Override
  public LlmProviderException errorStatus(int status, HttpHeaders headers, String body, String model) {
    Optional<ErrorDetails> error = ErrorDetails.parse(body);
    String code = error.map(ErrorDetails::type).orElse(null);
    return new LlmProviderException(
        AnthropicProvider.NAME + " returned " + status + (code == null ? "" : " (" + code + ")") + " for model "
            + model + ": " + detail(body, error),
        AnthropicProvider.NAME, model, status, code, errors.excerpt(body),
        RetryAfter.read(headers, clock.instant()).orElse(null), null);
  }

  /** The exception for a stream's {@code error} event, e.g. Anthropic overloaded halfway through an answer. */
  LlmProviderException streamError(String data, String model) {
    Optional<ErrorDetails> error = ErrorDetails.parse(data);
    String code = error.map(ErrorDetails::type).orElse(null);
    int status = code == null ? UNLISTED_STREAM_ERROR_STATUS
        : ERROR_STATUS.getOrDefault(code, UNLISTED_STREAM_ERROR_STATUS);
    return new LlmProviderException(
        AnthropicProvider.NAME + " broke off the stream" + (code == null ? "" : " with " + code) + " for model "
            + model + ": " + detail(data, error),
        AnthropicProvider.NAME, model, status, code, errors.excerpt(data), null, null);
  }

  /** The exception for an answer that is not a message, or a stream that is not one. */
  LlmProviderException malformed(int status, String body, String model, String reason, Throwable cause) {
    // Some proxies put an error object in a 200 body instead of using an error status.
    Optional<ErrorDetails> error = ErrorDetails.parse(body);
    return new LlmProviderException(
        AnthropicProvider.NAME + " returned a malformed answer for model " + model + ": the " + status
            + " body is not a Messages API response (" + reason + "): " + detail(body, error),
        AnthropicProvider.NAME, model, status, error.map(ErrorDetails::type).orElse(null), errors.excerpt(body),
        null, cause);
  }

  /** The exception for a body, or a stream's event, that is not the JSON it should be. */
  LlmProviderException unreadable(int status, String body, String model, JsonProcessingException e) {
    // Not attached as the cause: Jackson's message quotes the body, which could echo the API key.
    return malformed(status, body, model, errors.redact(e.getOriginalMessage()), null);
  }

  /** The exception for a stream whose body ended without its {@code message_stop} event. */
  LlmProviderException endedEarly(int status, String model, int charactersSoFar) {
    return new LlmProviderException(
        AnthropicProvider.NAME + " ended the stream for model " + model + " before the answer was complete (no"
            + " message_stop) after " + charactersSoFar + " characters",
        AnthropicProvider.NAME, model, status, null, null, null, null);
  }

  /** The exception for a request that got no answer in time, body included. */
  @Override
  public LlmTimeoutException timeout(String model, Duration timeout, TimeoutException expired) {
    return new LlmTimeoutException(AnthropicProvider.NAME, model, timeout, expired);
  }

  /**
   * The exception a failed exchange completes with: a server that could not be reached or a broken
   * connection. Requests set no timeout of their own for the JDK to report, so {@code timeout} is unused.
   */
  @Override
  public LlmProviderException transportFailure(Throwable failure, String model, Duration timeout) {
    return errors.unreachable(
        model, failure, failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException);
  }

  /** A model that declined: Anthropic's classifiers stopped the answer, so there is nothing to decode. */
  private LlmProviderException refusal(String text, String model) {
    String said = text == null || text.isBlank() ? "" : ": \"" + errors.excerpt(text) + '"';
    return new LlmProviderException(
        "model " + model + " on " + AnthropicProvider.NAME + " refused to answer" + said,
        AnthropicProvider.NAME, model, 200, REFUSAL, text == null ? null : errors.excerpt(text), null, null);
  }

  /** The server's own error message where the body has one, else the start of the body. */
  private String detail(String body, Optional<ErrorDetails> error) {
    return errors.detail(body, error.map(ErrorDetails::message));
  }

  /** Anthropic's error body, {@code {"type":"error","error":{"type":"overloaded_error","message":"..."}}}. */
  record ErrorDetails(String type, String message) {

    static Optional<ErrorDetails> parse(String body) {
      JsonNode error;
      try {
        error = Json.MAPPER.readTree(body).path("error");
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
      JsonNode message = error.path("message");
      if (!message.isTextual() || message.asText().isBlank()) {
        return Optional.empty();
      }
      JsonNode type = error.path("type");
      return Optional.of(new ErrorDetails(
          type.isTextual() && !type.asText().isBlank() ? type.asText() : null, message.asText()));
    }
  }

  /** The parts of a Messages API response llmgen reads; Jackson skips the rest. */
  record MessageBody(
      String model, List<ContentBlock> content, @JsonProperty("stop_reason") String stopReason,
      AnthropicUsage usage) {

    /**
     * The input of the {@value AnthropicRequestEncoder#ANSWER_TOOL} tool when the model called it (a schema
     * answer), else the text blocks joined; {@code null} when there are neither.
     */
    String answer() {
      Optional<ContentBlock> toolCall =
          content.stream().filter(block -> block != null && block.isAnswerTool()).findFirst();
      if (toolCall.isPresent()) {
        return toolCall.get().inputJson();
      }
      List<String> texts = content.stream()
          .filter(block -> block != null && "text".equals(block.type()) && block.text() != null)
          .map(ContentBlock::text)
          .toList();
      return texts.isEmpty() ? null : String.join("", texts);
    }

    /** A text block, a tool call, or a kind llmgen does not ask for (thinking) and skips. */
    record ContentBlock(String type, String text, String name, JsonNode input) {

      boolean isAnswerTool() {
        return "tool_use".equals(type) && AnthropicRequestEncoder.ANSWER_TOOL.equals(name);
      }

      /** The tool call's input as compact JSON; a call without input had an empty one. */
      String inputJson() {
        return input == null || input.isNull() ? "{}" : input.toString();
      }
    }
  }
}
