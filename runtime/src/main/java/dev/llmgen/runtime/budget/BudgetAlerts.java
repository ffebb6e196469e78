package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.budget.BudgetLedger.WindowLimit;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/** Alerts once per window and limit, when a window's settled spending reaches {@code alertAt} of the limit. */
final class BudgetAlerts {

  private static final System.Logger LOG = System.getLogger(BudgetAlerts.class.getName());

  private final BudgetLedger ledger;
  private final double alertAt;
  private final List<BudgetListener> listeners;

  BudgetAlerts(BudgetLedger ledger, double alertAt, Collection<BudgetListener> listeners) {
    this.ledger = ledger;
    this.alertAt = alertAt;
    this.listeners = List.copyOf(listeners);
  }

  /** Called after a call's settlement, with the windows it was reserved in. */
  void check(List<WindowLimit> limits) {
    for (WindowLimit limit : limits) {
      if (limit.limitNanos() == BudgetPolicy.NO_LIMIT) {
        continue;
      }
      BudgetWindow window = limit.window();
      long spent = ledger.totals(window).spentNanos();
      String limitName = BudgetLimit.of(window).annotationName();
      // The ledger's claim, not this check, makes the alert fire once when settlements race.
      if (spent >= threshold(limit.limitNanos()) && ledger.claimAlert(window, limitName, limit.limitNanos())) {
        fire(new BudgetAlert(
            window.pool(), window.user(), window.period(), limitName, limit.limitNanos(), spent, alertAt));
      }
    }
  }

  private long threshold(long limitNanos) {
    return BigDecimal.valueOf(alertAt).multiply(BigDecimal.valueOf(limitNanos))
        .setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private void fire(BudgetAlert alert) {
    LOG.log(Level.WARNING, "budget alert: " + alert.limitName() + ' ' + Dollars.format(alert.limitNanos())
        + (alert.user() == null ? "" : " for user " + alert.user()) + " in pool " + alert.pool() + " for "
        + alert.window() + ": " + Dollars.format(alert.spentNanos()) + " spent, at least "
        + BigDecimal.valueOf(alert.alertAt()).movePointRight(2).stripTrailingZeros().toPlainString()
        + "% of the limit");
    for (BudgetListener listener : listeners) {
      try {
        listener.onAlert(alert);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "BudgetListener " + listener + " failed on " + alert, e);
      }
    }
  }
}
