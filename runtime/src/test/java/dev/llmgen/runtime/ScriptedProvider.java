package dev.llmgen.runtime;

import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A provider that answers each model's requests from a script, in order, and remembers every request.
 * It streams like the real ones: pieces go to the listener as they are written, and a cancelled stream
 * ends normally with the text written so far ({@link Completion#FINISH_CANCELLED}, no usage).
 */
public final class ScriptedProvider implements LlmProvider {

  /** One scripted reply; {@code listener} is {@code null} for a request that does not stream. */
  @FunctionalInterface
  public interface Reply {
    CompletableFuture<Completion> send(ChatRequest request, StreamListener listener);
  }

  private final Map<String, Deque<Reply>> replies = new HashMap<>();
  private final List<ChatRequest> requests = new ArrayList<>();

  @Override
  public String name() {
    return "scripted";
  }

  /** Queues {@code reply} for the next request to {@code model}. */
  public synchronized ScriptedProvider then(String model, Reply reply) {
    replies.computeIfAbsent(model, unused -> new ArrayDeque<>()).add(reply);
    return this;
  }

  public synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<String> modelsAsked() {
    return requests.stream().map(ChatRequest::model).toList();
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return next(request).send(request, null);
  }

  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return next(request).send(request, listener);
  }

  private synchronized Reply next(ChatRequest request) {
    requests.add(request);
    Deque<Reply> queued = replies.get(request.model());
    if (queued == null || queued.isEmpty()) {
      throw new AssertionError("no reply scripted for request " + requests.size() + " to " + request.model());
    }
    return queued.poll();
  }

  /** The whole answer, with the usage the provider reports; streamed in one piece when asked to stream. */
  public static Reply answer(String text, TokenUsage usage) {
    return answer(new Completion(text, "served-model", "stop", Optional.of(usage)));
  }

  /** An answer with a log-probability for each of its tokens. */
  public static Reply answerWithLogprobs(String text, TokenUsage usage, List<Double> logprobs) {
    return answer(new Completion(text, "served-model", "stop", Optional.of(usage), logprobs, RateLimitStatus.UNKNOWN));
  }

  public static Reply answer(Completion completion) {
    return (request, listener) -> {
      if (listener != null && completion.text() != null) {
        listener.onText(completion.text());
      }
      return CompletableFuture.completedFuture(completion);
    };
  }

  public static Reply fail(Throwable failure) {
    return (request, listener) -> CompletableFuture.failedFuture(failure);
  }

  /** What a provider raises for an HTTP error status. */
  public static LlmProviderException status(int statusCode) {
    return new LlmProviderException(
        "HTTP " + statusCode, "scripted", "some-model", statusCode, null, "", null, null);
  }

  /** A stream the test writes piece by piece, then ends or fails. */
  public static final class OpenStream implements Reply {

    private final CompletableFuture<Completion> future = new CompletableFuture<>();
    private final StringBuilder written = new StringBuilder();
    private StreamListener listener;
    private Optional<TokenUsage> reportedSoFar = Optional.empty();

    @Override
    public synchronized CompletableFuture<Completion> send(ChatRequest request, StreamListener listener) {
      if (listener == null) {
        throw new AssertionError("an OpenStream answers streamed requests only");
      }
      this.listener = listener;
      listener.cancellation().thenRun(() -> {
        synchronized (this) {
          future.complete(new Completion(written.toString(), "served-model", Completion.FINISH_CANCELLED,
              reportedSoFar));
        }
      });
      return future;
    }

    /** The usage the provider has reported when the stream is cancelled, as Anthropic's message_start does. */
    public synchronized void reportSoFar(TokenUsage usage) {
      reportedSoFar = Optional.of(usage);
    }

    /** Writes the next piece, as the server's next event would. */
    public synchronized void write(String piece) {
      if (!future.isDone()) {
        written.append(piece);
        listener.onText(piece);
      }
    }

    public synchronized void end(TokenUsage usage) {
      future.complete(new Completion(written.toString(), "served-model", "stop", Optional.of(usage)));
    }

    public void fail(Throwable failure) {
      future.completeExceptionally(failure);
    }

    public boolean started() {
      return listener != null;
    }

    /** Whether the consumer's cancellation reached the provider. */
    public boolean cancelled() {
      return listener != null && listener.cancellation().toCompletableFuture().isDone();
    }

    public CompletableFuture<Completion> future() {
      return future;
    }
  }
}
