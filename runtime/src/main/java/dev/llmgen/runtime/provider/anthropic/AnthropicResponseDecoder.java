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
import dev.llmgen.runtime.provider.http.ProviderErrors.ErrorDetails;
import dev.llmgen.runtime.provider.http.RetryAfter;
import java.net.URI;
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
  // What is wrong with a malformed answer, after "the {status}".
  private static final String NOT_A_MESSAGE = "body is not a Messages API response";

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
    return errors.errorStatus(status, body, model, RetryAfter.read(headers, clock.instant()));
  }

  /** The exception for a stream's {@code error} event, e.g. Anthropic overloaded halfway through an answer. */
  LlmProviderException streamError(String data, String model) {
    Optional<ErrorDetails> error = ErrorDetails.parse(data);
    String code = error.map(ErrorDetails::code).orElse(null);
    int status = code == null ? UNLISTED_STREAM_ERROR_STATUS
        : ERROR_STATUS.getOrDefault(code, UNLISTED_STREAM_ERROR_STATUS);
    return errors.fromBody(
        AnthropicProvider.NAME + " broke off the stream" + (code == null ? "" : " with " + code) + " for model "
            + model,
        status, model, data, error, null, null);
  }

  /** The exception for an answer that is not a message, or a stream that is not one. */
  LlmProviderException malformed(int status, String body, String model, String reason, Throwable cause) {
    return errors.malformed(status, body, model, NOT_A_MESSAGE, reason, cause);
  }

  /** The exception for a body, or a stream's event, that is not the JSON it should be. */
  LlmProviderException unreadable(int status, String body, String model, JsonProcessingException e) {
    return errors.unreadable(status, body, model, NOT_A_MESSAGE, e);
  }

  /** The exception for a stream whose body ended without its {@code message_stop} event. */
  LlmProviderException endedEarly(int status, String model, int charactersSoFar) {
    return errors.endedEarly(status, model, "no message_stop", charactersSoFar);
  }

  @Override
  public LlmTimeoutException timeout(String model, Duration timeout, TimeoutException expired) {
    return errors.timeout(model, timeout, expired);
  }

  @Override
  public LlmProviderException transportFailure(Throwable failure, String model, Duration timeout) {
    return errors.transportFailure(failure, model, timeout);
  }

  /** A model that declined: Anthropic's classifiers stopped the answer, so there is nothing to decode. */
  private LlmProviderException refusal(String text, String model) {
    return errors.refusal(model, 200, text, text);
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
