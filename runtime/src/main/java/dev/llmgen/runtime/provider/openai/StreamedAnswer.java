package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.ChatCompletionChunk;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.Logprobs;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.Reply;
import dev.llmgen.runtime.provider.openai.OpenAiResponseDecoder.Usage;
import dev.llmgen.runtime.provider.sse.ServerSentEvent;
import dev.llmgen.runtime.provider.sse.SseBody;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The answer of one streamed Chat Completions request: built up from its events, each piece of text
 * handed to the listener as it arrives, and settled by whatever ends the exchange first: the end of
 * the stream, an error, or the listener's cancellation. Handing over a piece and cancelling take the
 * same lock, so no piece reaches the listener once the stream is cancelled.
 */
final class StreamedAnswer {

  private static final String DONE = "[DONE]";
  // Most servers put errors in an ordinary data event; some name the event.
  private static final String ERROR_EVENT = "error";

  private final OpenAiResponseDecoder decoder;
  private final String requestedModel;
  private final Duration timeout;
  private final StreamListener listener;
  private final CompletableFuture<Completion> answer = new CompletableFuture<>();
  private final Object lock = new Object();
  private volatile ResponseInfo response;

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final List<Double> logprobs = new ArrayList<>();
  private boolean anyText;
  private String model;
  private String finishReason;
  private Optional<TokenUsage> usage = Optional.empty();
  private boolean done;
  private boolean cancelled;

  /** @param timeout the request's timeout, for the message of a timeout the JDK reports */
  StreamedAnswer(OpenAiResponseDecoder decoder, String requestedModel, Duration timeout, StreamListener listener) {
    this.decoder = decoder;
    this.requestedModel = requestedModel;
    this.timeout = timeout;
    this.listener = listener;
  }

  /**
   * Completes with the whole answer, or normally with the text so far once cancelled; fails with an
   * {@link LlmProviderException} itself, never one wrapped.
   */
  CompletableFuture<Completion> answer() {
    return answer;
  }

  /** Records the status and headers, which arrive before the first event. */
  void responseArrived(ResponseInfo info) {
    response = info;
  }

  /** Settles the answer when the exchange failed or the status is an error; events follow otherwise. */
  void exchanged(HttpResponse<SseBody> httpResponse, Throwable failure) {
    if (failure != null) {
      answer.completeExceptionally(decoder.transportFailure(Failures.unwrap(failure), requestedModel, timeout));
    } else if (httpResponse.body() instanceof SseBody.ErrorBody error) {
      answer.completeExceptionally(decoder.errorStatus(
          new Reply(httpResponse.statusCode(), httpResponse.headers(), error.body(), requestedModel)));
    }
  }

  /**
   * Takes the next event of the stream.
   *
   * @throws LlmProviderException for an error event or an event that is not a chunk, which ends the stream
   */
  void accept(ServerSentEvent event) {
    synchronized (lock) {
      if (cancelled || done) {
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
      ChatCompletionChunk chunk = decoder.chunk(reply);
      if (model == null) {
        model = chunk.model();
      }
      Optional<TokenUsage> reported = Usage.tokenUsage(chunk.usage());
      if (reported.isPresent()) {
        usage = reported; // servers that report usage on every chunk count up to the last
      }
      chunk.choice().ifPresent(this::add);
    }
  }

  /**
   * Settles the answer once the body has ended, or failed: with what {@link #accept} threw, or the
   * transport's failure.
   */
  void bodyEnded(Throwable failure) {
    if (answer.isDone()) {
      return; // cancelled, timed out or refused before the body ended
    }
    Throwable cause = failure == null ? null : Failures.unwrap(failure);
    if (cause == null) {
      try {
        answer.complete(finish());
      } catch (LlmProviderException e) {
        answer.completeExceptionally(e);
      }
    } else if (cause instanceof RuntimeException thrown) { // an error event, a bad chunk, a failing listener
      answer.completeExceptionally(thrown);
    } else {
      answer.completeExceptionally(decoder.transportFailure(cause, requestedModel, timeout));
    }
  }

  /** Hands over no more text, and completes the answer with the text so far, as cancelled, without usage. */
  void cancel() {
    Completion soFar;
    synchronized (lock) {
      cancelled = true;
      soFar = completion(Completion.FINISH_CANCELLED, Optional.empty());
    }
    answer.complete(soFar); // outside the lock: the answer's dependents run here
  }

  /** @throws LlmProviderException when the stream ended before the answer, or the model refused */
  private Completion finish() {
    synchronized (lock) {
      if (!done && finishReason == null) {
        throw decoder.truncatedStream(reply(text.toString()));
      }
      if (refusal.length() > 0) {
        throw decoder.refusal(reply(refusal.toString()), refusal.toString());
      }
      return completion(finishReason, usage);
    }
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
    RateLimitStatus rateLimits = response == null ? RateLimitStatus.UNKNOWN : RateLimitHeaders.read(response.headers());
    return new Completion(
        anyText ? text.toString() : null, Objects.requireNonNullElse(model, requestedModel), finish, reportedUsage,
        logprobs, rateLimits);
  }

  private Reply reply(String body) {
    return new Reply(response.statusCode(), response.headers(), body, requestedModel);
  }
}
