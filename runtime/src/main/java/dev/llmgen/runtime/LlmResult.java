package dev.llmgen.runtime;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An answer with everything known about the call that produced it. Declare a method's return type as
 * {@code LlmResult<T>} (or {@code CompletableFuture<LlmResult<T>>}) to receive it.
 *
 * <p>A call may ask several models: a {@code @Fallback} model when the method's own one failed, or the
 * steps of a {@code @Cascade}. {@link #attempts()} lists each turn; the token counts and the cost here
 * are the sums over all of them, since every turn was paid for.
 *
 * @param value the decoded answer
 * @param model the model that answered, as the provider was asked for it (after the model map)
 * @param provider who served it, e.g. {@code openai} or {@code simulated}
 * @param inputTokens input tokens of every turn, cached ones included
 * @param outputTokens tokens the models wrote, in every turn
 * @param cachedInputTokens input tokens served from the providers' prompt caches
 * @param costNanos what the call cost, in nanodollars (10<sup>-9</sup> USD), from the model catalog:
 *     every turn and every scoring included
 * @param latency from the call to the decoded answer
 * @param fromCache whether the answer came from llmgen's response cache rather than the provider
 * @param attempts each model's turn, in order; empty for an answer from the cache
 * @param timings where the call's time went, stage by stage
 */
public record LlmResult<T>(
    T value,
    String model,
    String provider,
    int inputTokens,
    int outputTokens,
    int cachedInputTokens,
    long costNanos,
    Duration latency,
    boolean fromCache,
    List<Attempt> attempts,
    StageTimings timings) {

  public LlmResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(timings, "timings");
    attempts = List.copyOf(attempts);
  }

  /** The answer of a single request to one model: one turn, {@code ANSWERED}. */
  public static <T> LlmResult<T> answered(
      T value, String model, String provider, int requests, int inputTokens, int outputTokens,
      int cachedInputTokens, long costNanos, Duration latency) {
    Attempt attempt = new Attempt(model, provider, Attempt.Outcome.ANSWERED, requests, inputTokens, outputTokens,
        cachedInputTokens, costNanos, OptionalDouble.empty(), 0, "answered");
    return new LlmResult<>(value, model, provider, inputTokens, outputTokens, cachedInputTokens, costNanos, latency,
        false, List.of(attempt), StageTimings.NONE);
  }

  /**
   * This answer as the end of a longer call: {@code turns} replace the attempts (the answering one
   * among them), and the totals become their sums.
   */
  public LlmResult<T> withAttempts(List<Attempt> turns) {
    int input = 0;
    int output = 0;
    int cached = 0;
    long cost = 0;
    for (Attempt turn : turns) {
      input += turn.inputTokens();
      output += turn.outputTokens();
      cached += turn.cachedInputTokens();
      cost += turn.totalCostNanos();
    }
    return new LlmResult<>(value, model, provider, input, output, cached, cost, latency, fromCache, turns, timings);
  }

  /** This answer as the call ended: its whole latency, and where that time went. */
  public LlmResult<T> measured(Duration latency, StageTimings timings) {
    return new LlmResult<>(value, model, provider, inputTokens, outputTokens, cachedInputTokens, costNanos, latency,
        fromCache, attempts, timings);
  }

  /** The cost in US dollars, exact to the nanodollar. */
  public BigDecimal costUsd() {
    return Usd.fromNanos(costNanos);
  }

  public int totalTokens() {
    return inputTokens + outputTokens;
  }

  /** Whether a model other than the first was asked because an earlier one failed. */
  public boolean fellBack() {
    return attempts.stream().anyMatch(attempt -> attempt.outcome() == Attempt.Outcome.FAILED);
  }
}
