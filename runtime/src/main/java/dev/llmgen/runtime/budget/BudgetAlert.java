package dev.llmgen.runtime.budget;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;

/**
 * Settled spending in a window has reached {@code alertAt} of a limit.
 *
 * @param user the user of a per-user limit, {@code null} for the whole application
 * @param window the day ({@code 2026-11-23}) or the month ({@code 2026-11})
 * @param limitName the limit as {@code @Budget} names it, e.g. {@code perUserDailyUsd}
 * @param spentNanos what the window had spent when the alert fired
 */
public record BudgetAlert(
    String pool, String user, String window, String limitName, long limitNanos, long spentNanos, double alertAt) {

  public BigDecimal limitUsd() {
    return Usd.fromNanos(limitNanos);
  }

  public BigDecimal spentUsd() {
    return Usd.fromNanos(spentNanos);
  }
}
