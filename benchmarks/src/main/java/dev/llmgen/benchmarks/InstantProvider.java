package dev.llmgen.benchmarks;

import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.TokenUsage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An llmgen provider that answers at once, in the caller's thread: what is left to measure is the framework. */
final class InstantProvider implements LlmProvider {

  private final Completion completion = new Completion(
      Dialogue.ANSWER, Dialogue.MODEL, "stop",
      Optional.of(new TokenUsage(Dialogue.INPUT_TOKENS, 0, Dialogue.OUTPUT_TOKENS, true)));

  @Override
  public String name() {
    return "instant";
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return CompletableFuture.completedFuture(completion);
  }
}
