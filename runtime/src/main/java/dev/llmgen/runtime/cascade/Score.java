package dev.llmgen.runtime.cascade;

import java.util.Objects;

/**
 * How good an answer is, as an {@link AnswerScorer} judged it.
 *
 * @param value from 0 (useless) to 1 (certainly right)
 * @param reason a few words on why, for reports and {@code LlmResult.attempts()}
 * @param costNanos what scoring cost (an LLM judge's call), in nanodollars; 0 for scorers that call no model
 */
public record Score(double value, String reason, long costNanos) {

  public Score {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("a score must be in [0, 1], not " + value);
    }
    Objects.requireNonNull(reason, "reason");
    if (costNanos < 0) {
      throw new IllegalArgumentException("a scoring cost must not be negative: " + costNanos);
    }
  }

  /** A score that cost nothing to give. */
  public static Score of(double value, String reason) {
    return new Score(value, reason, 0);
  }
}
