package dev.llmgen.runtime.budget;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;

/**
 * What one window has spent, against its limit, for reports.
 *
 * @param limitName the limit as {@code @Budget} names it, e.g. {@code perUserDailyUsd}
 * @param limitNanos the strictest limit the pool's methods put on the window, or
 *     {@link BudgetPolicy#NO_LIMIT}; methods of one pool may set different limits
 */
public record BudgetUse(BudgetWindow window, String limitName, long spentNanos, long reservedNanos, long limitNanos) {

  public boolean hasLimit() {
    return limitNanos != BudgetPolicy.NO_LIMIT;
  }

  public BigDecimal spentUsd() {
    return Usd.fromNanos(spentNanos);
  }

  public BigDecimal reservedUsd() {
    return Usd.fromNanos(reservedNanos);
  }

  /** The limit in dollars; only when {@link #hasLimit()}. */
  public BigDecimal limitUsd() {
    return Usd.fromNanos(limitNanos);
  }
}
