package dev.llmgen.runtime;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One model's turn at a call: the method's own model, a {@code @Fallback} model or a step of a
 * {@code @Cascade}. A turn may take several requests when transient failures are retried.
 *
 * @param model the model asked, as the provider was asked for it (after the model map)
 * @param provider who served it, e.g. {@code openai}, {@code anthropic} or {@code simulated}
 * @param outcome what came of it
 * @param requests requests sent to the provider in this turn, retries included
 * @param inputTokens input tokens billed, cached ones included
 * @param outputTokens tokens the model wrote
 * @param cachedInputTokens input tokens served from the provider's prompt cache
 * @param costNanos what the model's answer cost, in nanodollars; 0 for a turn that failed without an
 *     answer (a turn that timed out included, although its {@code @Budget} keeps the worst case, since the
 *     provider may have billed the answer it could not deliver in time)
 * @param score the cascade scorer's score of the answer; empty outside cascades and for failed turns
 * @param scoringCostNanos what scoring the answer cost (an LLM judge's call), in nanodollars
 * @param detail why the turn ended as it did: the scorer's reason or the failure, in a few words
 */
public record Attempt(
    String model, String provider, Outcome outcome, int requests, int inputTokens, int outputTokens,
    int cachedInputTokens, long costNanos, OptionalDouble score, long scoringCostNanos, String detail) {

  /** What came of one model's turn. */
  public enum Outcome {
    /** Its answer was returned. */
    ANSWERED,
    /** Its answer was returned although no answer of the cascade reached the threshold: it scored best. */
    ANSWERED_BELOW_THRESHOLD,
    /** It answered, but the cascade's scorer rated the answer below the threshold; a later model was asked. */
    REJECTED,
    /**
     * It gave no answer: its circuit was open, its retries ran out, its budget or rate limit refused it,
     * or (outside a cascade, which scores such answers) its answer did not decode.
     */
    FAILED;

    public boolean answered() {
      return this == ANSWERED || this == ANSWERED_BELOW_THRESHOLD;
    }
  }

  public Attempt {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(detail, "detail");
  }

  /** The turn with its scorer's verdict. */
  public Attempt scored(Outcome outcome, double score, long scoringCostNanos, String reason) {
    return new Attempt(model, provider, outcome, requests, inputTokens, outputTokens, cachedInputTokens, costNanos,
        OptionalDouble.of(score), scoringCostNanos, reason);
  }

  /** The turn with another outcome, e.g. a best answer below the threshold chosen after all. */
  public Attempt withOutcome(Outcome outcome) {
    return new Attempt(model, provider, outcome, requests, inputTokens, outputTokens, cachedInputTokens, costNanos,
        score, scoringCostNanos, detail);
  }

  /** Everything this turn cost: the answer and its scoring. */
  public long totalCostNanos() {
    return costNanos + scoringCostNanos;
  }

  public BigDecimal totalCostUsd() {
    return Usd.fromNanos(totalCostNanos());
  }
}
