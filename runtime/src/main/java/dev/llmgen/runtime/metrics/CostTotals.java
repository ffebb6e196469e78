package dev.llmgen.runtime.metrics;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;

/**
 * What a group of calls consumed: all of them, or those of one user, feature, model or day.
 *
 * @param calls calls made, failed ones included; under a model, the calls it answered or failed
 * @param failures calls that ended in an exception
 * @param cacheHits calls answered from llmgen's response cache, at no cost
 * @param requests requests sent to providers, retries included
 * @param inputTokens input tokens billed, cached ones included
 * @param cachedInputTokens input tokens served from the providers' prompt caches
 * @param outputTokens tokens the models wrote
 * @param costNanos what was spent, in nanodollars: every model's turn, rejected cascade answers and
 *     answers that could not be decoded included, each under the model that wrote it
 */
public record CostTotals(
    long calls, long failures, long cacheHits, long requests, long inputTokens, long cachedInputTokens,
    long outputTokens, long costNanos) {

  public static final CostTotals NONE = new CostTotals(0, 0, 0, 0, 0, 0, 0, 0);

  public CostTotals plus(CostTotals other) {
    return new CostTotals(calls + other.calls, failures + other.failures, cacheHits + other.cacheHits,
        requests + other.requests, inputTokens + other.inputTokens, cachedInputTokens + other.cachedInputTokens,
        outputTokens + other.outputTokens, costNanos + other.costNanos);
  }

  public BigDecimal costUsd() {
    return Usd.fromNanos(costNanos);
  }

  /** The share of calls answered from the cache, between 0 and 1; 0 when there were no calls. */
  public double cacheHitRate() {
    return calls == 0 ? 0 : (double) cacheHits / calls;
  }
}
