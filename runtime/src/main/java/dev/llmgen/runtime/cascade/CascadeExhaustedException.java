package dev.llmgen.runtime.cascade;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmOutputException;
import java.util.List;

/**
 * No model of a {@code @Cascade} gave an answer that reached its threshold, and the method asked to
 * fail rather than return the best one below it ({@code failBelowThreshold}), or no answer decoded at
 * all. Every turn was paid for: {@link #attempts()} lists them, {@link #costNanos()} is their sum, and
 * {@link #rawOutput()} holds the best-scoring answer as the model wrote it.
 */
public final class CascadeExhaustedException extends LlmOutputException {

  private final List<Attempt> attempts;

  CascadeExhaustedException(
      String message, String expected, String bestRawOutput, String bestModel, List<Attempt> attempts) {
    super(message, expected, bestRawOutput, bestModel,
        attempts.stream().mapToInt(Attempt::inputTokens).sum(),
        attempts.stream().mapToInt(Attempt::outputTokens).sum(),
        attempts.stream().mapToLong(Attempt::totalCostNanos).sum(), null);
    this.attempts = List.copyOf(attempts);
  }

  /** Each model's turn, in order, with its score and cost. */
  public List<Attempt> attempts() {
    return attempts;
  }
}
