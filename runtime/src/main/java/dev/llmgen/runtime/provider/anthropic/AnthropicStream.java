package dev.llmgen.runtime.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.anthropic.AnthropicResponseDecoder.MessageBody.ContentBlock;
import dev.llmgen.runtime.provider.anthropic.AnthropicResponseDecoder.MessageBody;
import dev.llmgen.runtime.provider.http.AnswerStream;
import dev.llmgen.runtime.provider.sse.ServerSentEvent;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of one streamed Messages API request, built up from its events: {@code message_start}
 * (model, input and cache counts), {@code content_block_start}, {@code content_block_delta},
 * {@code message_delta} (stop reason, output count so far), {@code message_stop}, {@code ping} and
 * {@code error}. Event types Anthropic may add later are skipped, as it asks clients to.
 *
 * <p>Each piece of the answer goes to the listener as it arrives: the text of text blocks, and for a
 * schema answer the pieces of the {@value AnthropicRequestEncoder#ANSWER_TOOL} tool's JSON input, so the
 * pieces add up to the completion's text either way.
 */
final class AnthropicStream extends AnswerStream {

  private static final int NO_BLOCK = -1;

  private final AnthropicResponseDecoder decoder;
  private final String requestedModel;
  private final StreamListener listener;

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder toolInput = new StringBuilder();
  private boolean anyText;
  private int answerToolBlock = NO_BLOCK;
  private String model;
  private String stopReason;
  private AnthropicUsage usage = AnthropicUsage.NONE;
  private boolean stopped;

  AnthropicStream(AnthropicResponseDecoder decoder, String requestedModel, StreamListener listener) {
    this.decoder = decoder;
    this.requestedModel = requestedModel;
    this.listener = listener;
  }

  /** @throws LlmProviderException for an {@code error} event or an event that is not JSON */
  @Override
  protected void take(ServerSentEvent event) {
    if (stopped) {
      return;
    }
    StreamEvent data = read(event);
    switch (Objects.requireNonNullElse(data.type(), event.event())) {
      case "message_start" -> start(event, data.message());
      case "content_block_start" -> startBlock(data.index(), data.contentBlock());
      case "content_block_delta" -> add(data.index(), data.delta());
      case "message_delta" -> {
        if (data.delta() != null && data.delta().stopReason() != null) {
          stopReason = data.delta().stopReason();
        }
        count(event, data.usage());
      }
      case "message_stop" -> stopped = true;
      case "error" -> throw decoder.streamError(event.data(), requestedModel);
      default -> { } // ping, content_block_stop, and types added after this was written
    }
  }

  /** @throws LlmProviderException when the stream ended before {@code message_stop}, or the model refused */
  @Override
  protected Completion whole() {
    if (!stopped) {
      throw decoder.endedEarly(response().statusCode(), requestedModel, text.length() + toolInput.length());
    }
    return decoder.completion(requestedModel, currentModel(), answer(), stopReason, usage, rateLimits());
  }

  @Override
  protected Completion soFar() {
    // message_start has reported the input, cache reads and writes included; the output count lags the text,
    // which the runtime counts itself.
    return new Completion(
        answer(), currentModel(), Completion.FINISH_CANCELLED, usage.tokenUsage(), List.of(), rateLimits());
  }

  private StreamEvent read(ServerSentEvent event) {
    StreamEvent data;
    try {
      data = Json.MAPPER.readValue(event.data(), StreamEvent.class);
    } catch (JsonProcessingException e) {
      throw decoder.unreadable(response().statusCode(), event.data(), requestedModel, e);
    }
    if (data == null) {
      throw decoder.malformed(response().statusCode(), event.data(), requestedModel, "an event without data", null);
    }
    return data;
  }

  private void start(ServerSentEvent event, MessageBody message) {
    if (message != null) {
      model = message.model();
      count(event, message.usage());
    }
  }

  /** Takes the counts {@code event} reports, failing on the event that makes them impossible. */
  private void count(ServerSentEvent event, AnthropicUsage reported) {
    usage = usage.updatedBy(reported);
    try {
      usage.tokenUsage();
    } catch (IllegalArgumentException e) {
      throw decoder.malformed(response().statusCode(), event.data(), requestedModel, e.getMessage(), e);
    }
  }

  private void startBlock(Integer index, ContentBlock block) {
    if (block == null || index == null) {
      return;
    }
    if (block.isAnswerTool()) {
      answerToolBlock = index;
    } else if ("text".equals(block.type())) {
      anyText = true;
      hand(text, block.text());
    }
  }

  private void add(Integer index, Delta delta) {
    if (delta == null) {
      return;
    }
    if ("text_delta".equals(delta.type())) {
      anyText = true;
      hand(text, delta.text());
    } else if ("input_json_delta".equals(delta.type()) && index != null && index == answerToolBlock) {
      hand(toolInput, delta.partialJson());
    }
  }

  private void hand(StringBuilder answerPart, String piece) {
    if (piece != null && !piece.isEmpty()) {
      answerPart.append(piece);
      listener.onText(piece);
    }
  }

  /** As {@link MessageBody#answer()} reads a whole message: the tool's input, else the text. */
  private String answer() {
    if (answerToolBlock != NO_BLOCK) {
      return toolInput.length() == 0 ? "{}" : toolInput.toString();
    }
    return anyText ? text.toString() : null;
  }

  private String currentModel() {
    return Objects.requireNonNullElse(model, requestedModel);
  }

  private RateLimitStatus rateLimits() {
    ResponseInfo response = response();
    return response == null ? RateLimitStatus.UNKNOWN : decoder.rateLimits(response.headers());
  }

  /** The parts of a stream event llmgen reads; which are there depends on the type. */
  record StreamEvent(
      String type, Integer index, MessageBody message, @JsonProperty("content_block") ContentBlock contentBlock,
      Delta delta, AnthropicUsage usage) {}

  /** A {@code content_block_delta}'s or a {@code message_delta}'s {@code delta}. */
  record Delta(
      String type, String text, @JsonProperty("partial_json") String partialJson,
      @JsonProperty("stop_reason") String stopReason) {}
}
