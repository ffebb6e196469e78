package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.http.AnswerStream;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.ChatCompletionChunk;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.Logprobs;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.Reply;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.StreamChunk;
import dev.llmgen.runtime.provider.sse.ServerSentEvent;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer of one streamed Chat Completions request, each piece of text handed to the listener as it arrives. */
final class StreamedAnswer extends AnswerStream {

  private static final String DONE = "[DONE]";
  // Most servers put errors in an ordinary data event; some name the event.
  private static final String ERROR_EVENT = "error";

  private final OpenAiResponseDecoder decoder;
  private final String requestedModel;
  private final StreamListener listener;

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final List<Double> logprobs = new ArrayList<>();
  private boolean anyText;
  private String model;
  private String finishReason;
  private Optional<TokenUsage> usage = Optional.empty();
  private boolean done;

  StreamedAnswer(OpenAiResponseDecoder decoder, String requestedModel, StreamListener listener) {
    this.decoder = decoder;
    this.requestedModel = requestedModel;
    this.listener = listener;
  }

  /** @throws LlmProviderException for an error event or an event that is not a chunk, which ends the stream */
  @Override
  protected void take(ServerSentEvent event) {
    if (done) {
      return;
    }
    if (DONE.equals(event.data())) {
      done = true;
      return;
    }
    Reply reply = reply(event.data());
    if (ERROR_EVENT.equals(event.event())) {
      throw decoder.streamError(reply);
    }
    StreamChunk chunk = decoder.chunk(reply);
    if (model == null) {
      model = chunk.model();
    }
    if (chunk.usage().isPresent()) {
      usage = chunk.usage(); // servers that report usage on every chunk count up to the last
    }
    chunk.choice().ifPresent(this::add);
  }

  /** @throws LlmProviderException when the stream ended before the answer, or the model refused */
  @Override
  protected Completion whole() {
    if (!done && finishReason == null) {
      throw decoder.truncatedStream(reply(text.toString()));
    }
    if (refusal.length() > 0) {
      throw decoder.refusal(reply(refusal.toString()), refusal.toString());
    }
    return completion(finishReason, usage);
  }

  @Override
  protected Completion soFar() {
    // Usage only from servers that report it on every chunk; the runtime counts the output the text holds.
    return completion(Completion.FINISH_CANCELLED, usage);
  }

  private void add(ChatCompletionChunk.ChunkChoice choice) {
    if (choice.finishReason() != null) {
      finishReason = choice.finishReason();
    }
    logprobs.addAll(Logprobs.values(choice.logprobs()));
    ChatCompletionChunk.Delta delta = choice.delta();
    if (delta == null) {
      return;
    }
    if (delta.refusal() != null) {
      refusal.append(delta.refusal());
    }
    if (delta.content() != null) {
      anyText = true;
      if (!delta.content().isEmpty()) {
        text.append(delta.content());
        listener.onText(delta.content());
      }
    }
  }

  private Completion completion(String finish, Optional<TokenUsage> reportedUsage) {
    ResponseInfo response = response();
    RateLimitStatus rateLimits = response == null ? RateLimitStatus.UNKNOWN : RateLimitHeaders.read(response.headers());
    return new Completion(
        anyText ? text.toString() : null, Objects.requireNonNullElse(model, requestedModel), finish, reportedUsage,
        logprobs, rateLimits);
  }

  private Reply reply(String body) {
    return new Reply(response().statusCode(), response().headers(), body, requestedModel);
  }
}
