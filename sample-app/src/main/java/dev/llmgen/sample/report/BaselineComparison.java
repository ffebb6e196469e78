package dev.llmgen.sample.report;

import java.time.Duration;
import java.util.Objects;

/**
 * The run against the naive baseline: the same workload with no cache, every call to the strongest model,
 * one call after another.
 *
 * @param calls the calls the baseline made
 * @param actualCostNanos what the run cost, in nanodollars
 * @param actualWallTime how long the run took
 * @param baselineCostNanos what the baseline would cost, in nanodollars
 * @param baselineSequentialTime how long the baseline would take, its calls one after another
 */
public record BaselineComparison(String strongestModel, long calls, long actualCostNanos, Duration actualWallTime,
    long baselineCostNanos, Duration baselineSequentialTime) implements Baseline {

  public BaselineComparison {
    Objects.requireNonNull(strongestModel, "strongestModel");
    Objects.requireNonNull(actualWallTime, "actualWallTime");
    Objects.requireNonNull(baselineSequentialTime, "baselineSequentialTime");
  }

  /** Negative when the run cost more than the baseline. */
  public long savedCostNanos() {
    return baselineCostNanos - actualCostNanos;
  }

  /** Negative when the run took longer than the baseline. */
  public Duration savedTime() {
    return baselineSequentialTime.minus(actualWallTime);
  }

  /** {@link #savedCostNanos()} as a share of the baseline's cost; 0 when that cost is 0. */
  public double savedCostFraction() {
    return Fractions.of(savedCostNanos(), baselineCostNanos);
  }

  /** {@link #savedTime()} as a share of the baseline's time; 0 when that time is 0. */
  public double savedTimeFraction() {
    return Fractions.of(savedTime().toNanos(), baselineSequentialTime.toNanos());
  }
}
