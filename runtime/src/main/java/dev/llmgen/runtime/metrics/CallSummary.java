package dev.llmgen.runtime.metrics;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a group of calls (all of them, one feature, one model or one user) consumed.
 *
 * @param calls calls made, failed ones included
 * @param failures calls that ended in an exception
 * @param cacheHits calls answered from llmgen's response cache
 * @param costNanos what the calls cost in nanodollars, failed calls that were paid for included
 * @param latencyP50 median latency of recent calls
 * @param latencyP95 95th percentile latency of recent calls
 */
public record CallSummary(
    long calls,
    long failures,
    long cacheHits,
    long inputTokens,
    long outputTokens,
    long cachedInputTokens,
    long costNanos,
    Duration latencyP50,
    Duration latencyP95) {

  public BigDecimal costUsd() {
    return Usd.fromNanos(costNanos);
  }
}
