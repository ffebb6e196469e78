package dev.llmgen.runtime.provider;

import java.util.concurrent.CompletableFuture;

/**
 * One way of reaching language models: OpenAI-compatible Chat Completions, Anthropic Messages, the
 * simulated model. Implementations are thread-safe and never block the caller: the future completes
 * when the answer is in, or exceptionally with an {@link dev.llmgen.runtime.LlmException}.
 */
public interface LlmProvider {

  /** A short name for reports and errors, e.g. {@code openai} or {@code simulated}. */
  String name();

  /** Sends one request. */
  CompletableFuture<Completion> complete(ChatRequest request);

  /**
   * Sends one request and hands the answer to {@code listener} piece by piece as it arrives; the future
   * completes with the whole completion (usage included) once the stream ends or is cancelled. This
   * default, for providers that cannot stream, hands over the whole answer in one piece.
   */
  default CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return complete(request).thenApply(completion -> {
      if (completion.text() != null && !completion.text().isEmpty()) {
        listener.onText(completion.text());
      }
      return completion;
    });
  }
}
