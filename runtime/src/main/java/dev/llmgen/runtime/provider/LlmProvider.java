package dev.llmgen.runtime.provider;

import java.util.concurrent.CompletableFuture;

/**
 * One way of reaching language models: OpenAI-compatible Chat Completions, the simulated model, and
 * later others. Implementations are thread-safe and never block the caller: the future completes
 * when the answer is in, or exceptionally with an {@link dev.llmgen.runtime.LlmException}.
 */
public interface LlmProvider {

  /** A short name for reports and errors, e.g. {@code openai} or {@code simulated}. */
  String name();

  /** Sends one request. */
  CompletableFuture<Completion> complete(ChatRequest request);
}
