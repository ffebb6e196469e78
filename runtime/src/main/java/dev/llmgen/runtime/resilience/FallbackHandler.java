package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Moves a call to the method's {@code @Fallback} models, in order, when a model cannot answer: its
 * circuit is open, or its retries ran out on failures that may pass (rate limits, server errors,
 * timeouts, lost connections). Failures that another model would meet as well (a bad request, a
 * refused budget, an answer that does not decode) end the call. A streamed answer whose text has
 * begun to arrive is never handed to another model. The result lists the failed turns before the one
 * that answered.
 */
public final class FallbackHandler<T> implements CallHandler<T> {

  private final List<ModelChain<T>> models;

  /** @param models the method's own model first, then its fallbacks */
  public FallbackHandler(List<ModelChain<T>> models) {
    this.models = List.copyOf(models);
  }

  @Override
  public CompletableFuture<LlmResult<T>> handle(Call<T> call) {
    return turn(call, 0, new ArrayList<>());
  }

  private CompletableFuture<LlmResult<T>> turn(Call<T> call, int index, List<Attempt> failedTurns) {
    ModelChain<T> model = models.get(index);
    Call<T> turn = call.nextTurn();
    CompletableFuture<LlmResult<T>> answer = model.take(turn);
    return answer.handle((result, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(
            failedTurns.isEmpty() ? result : result.withAttempts(joined(failedTurns, result.attempts())));
      }
      Throwable cause = Failures.unwrap(failure);
      failedTurns.add(model.failedTurn(turn, cause));
      if (index + 1 < models.size() && fallsBack(cause) && !turn.streamStarted()) {
        return turn(call, index + 1, failedTurns);
      }
      call.failedAfter(failedTurns);
      return CompletableFuture.<LlmResult<T>>failedFuture(cause);
    }).thenCompose(Function.identity());
  }

  private static boolean fallsBack(Throwable cause) {
    return cause instanceof CircuitOpenException || TransientFailures.isTransient(cause);
  }

  private static List<Attempt> joined(List<Attempt> failed, List<Attempt> answered) {
    List<Attempt> all = new ArrayList<>(failed);
    all.addAll(answered);
    return all;
  }
}
