package dev.llmgen.runtime.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * Running totals for one group of calls, and the latencies of its most recent calls for percentiles.
 * Thread-safe; updates are short and lock one group only.
 */
final class CallAggregate {

  static final int LATENCY_WINDOW = 8192;

  private final long[] recentLatencies = new long[LATENCY_WINDOW];
  private long calls;
  private long failures;
  private long cacheHits;
  private long inputTokens;
  private long outputTokens;
  private long cachedInputTokens;
  private long costNanos;

  synchronized void add(
      boolean failed, boolean cacheHit, long input, long output, long cachedInput, long cost, long latencyNanos) {
    recentLatencies[(int) (calls % LATENCY_WINDOW)] = latencyNanos;
    calls++;
    failures += failed ? 1 : 0;
    cacheHits += cacheHit ? 1 : 0;
    inputTokens += input;
    outputTokens += output;
    cachedInputTokens += cachedInput;
    costNanos += cost;
  }

  synchronized CallSummary summary() {
    int samples = (int) Math.min(calls, LATENCY_WINDOW);
    long[] sorted = Arrays.copyOf(recentLatencies, samples);
    Arrays.sort(sorted);
    return new CallSummary(
        calls, failures, cacheHits, inputTokens, outputTokens, cachedInputTokens, costNanos,
        percentile(sorted, 50), percentile(sorted, 95));
  }

  /** The nearest-rank percentile: the smallest sample with at least {@code p}% of samples at or below it. */
  private static Duration percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
  }
}
