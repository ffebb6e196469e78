package dev.llmgen.runtime.cache;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** The rest of the chain, as a cache stage sees it: counts the calls that reach it and answers as told. */
final class FakeNext implements CallHandler<String> {

  static final long COST_NANOS = 1_234;

  private final Queue<Call<String>> calls = new ConcurrentLinkedQueue<>();
  private volatile Function<Call<String>, CompletableFuture<LlmResult<String>>> answers =
      call -> CompletableFuture.completedFuture(answerTo(call));

  /** What the provider would have answered: the prompt echoed, at a cost. */
  static LlmResult<String> answerTo(Call<String> call) {
    return LlmResult.answered("re: " + call.prompt(), "gpt-4o-mini", "fake", 1, 100, 20, 10, COST_NANOS, Duration.ofMillis(300));
  }

  void answerWith(Function<Call<String>, CompletableFuture<LlmResult<String>>> answers) {
    this.answers = answers;
  }

  @Override
  public CompletableFuture<LlmResult<String>> handle(Call<String> call) {
    calls.add(call);
    return answers.apply(call);
  }

  int calls() {
    return calls.size();
  }

  long callsWith(String prompt) {
    return calls.stream().filter(call -> call.prompt().equals(prompt)).count();
  }
}
