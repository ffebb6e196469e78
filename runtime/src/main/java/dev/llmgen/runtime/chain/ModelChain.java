package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * One model's chain of a method: its stages (retries, circuit breaker, budget, rate limit) in front of
 * its {@link ProviderCall}. A method with fallbacks or a cascade has one per model.
 */
public record ModelChain<T>(ModelBinding model, CallHandler<T> chain) {

  /** This model's turn at a call; a stage that throws instead of failing its future fails the turn alike. */
  public CompletableFuture<LlmResult<T>> take(Call<T> turn) {
    try {
      return chain.handle(turn);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The turn of this model that ended in {@code failure}: what it was, and what it cost when an answer
   * was paid for but could not be decoded.
   */
  public Attempt failedTurn(Call<T> turn, Throwable failure) {
    return failedTurn(model, turn, failure);
  }

  /** The turn of {@code model} that ended in {@code failure}. */
  public static Attempt failedTurn(ModelBinding model, Call<?> turn, Throwable failure) {
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof LlmOutputException paidFor) {
      return new Attempt(model.providerModel(), model.provider().name(), Attempt.Outcome.FAILED, turn.requests(),
          paidFor.inputTokens(), paidFor.outputTokens(), 0, paidFor.costNanos(), OptionalDouble.empty(), 0, detail);
    }
    return new Attempt(model.providerModel(), model.provider().name(), Attempt.Outcome.FAILED, turn.requests(),
        0, 0, 0, 0, OptionalDouble.empty(), 0, detail);
  }
}
