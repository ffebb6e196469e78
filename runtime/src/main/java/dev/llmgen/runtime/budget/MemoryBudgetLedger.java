package dev.llmgen.runtime.budget;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ledger in memory, lost when the process ends; {@link FileBudgetLedger} keeps its state in one and
 * journals every change. One lock guards everything, held only for a few map operations.
 */
public final class MemoryBudgetLedger implements BudgetLedger {

  /** An alert that fired, so that it fires once. */
  record ClaimedAlert(BudgetWindow window, String limitName, long limitNanos) {}

  private static final class Account {
    long spentNanos;
    long reservedNanos;
  }

  private final Map<BudgetWindow, Account> accounts = new HashMap<>();
  private final Map<Long, Reservation> pending = new HashMap<>();
  private final Set<ClaimedAlert> alerts = new HashSet<>();
  private long lastId;

  @Override
  public synchronized Outcome reserve(long amountNanos, List<WindowLimit> limits) {
    requireNonNegative(amountNanos);
    for (WindowLimit limit : limits) {
      Totals totals = totals(limit.window());
      // Subtracting cannot overflow, adding could: limits go up to Long.MAX_VALUE.
      if (amountNanos > limit.limitNanos() - totals.spentNanos() - totals.reservedNanos()) {
        return new Refusal(limit, totals);
      }
    }
    return hold(amountNanos, limits.stream().map(WindowLimit::window).toList());
  }

  @Override
  public synchronized void settle(Reservation reservation, long actualNanos) {
    requireNonNegative(actualNanos);
    if (pending.remove(reservation.id()) == null) {
      throw new IllegalStateException("reservation " + reservation.id() + " is not held; was it settled twice?");
    }
    for (BudgetWindow window : reservation.windows()) {
      Account account = accounts.get(window);
      account.reservedNanos -= reservation.amountNanos();
      account.spentNanos += actualNanos;
    }
  }

  @Override
  public synchronized boolean claimAlert(BudgetWindow window, String limitName, long limitNanos) {
    return alerts.add(new ClaimedAlert(window, limitName, limitNanos));
  }

  @Override
  public synchronized Totals totals(BudgetWindow window) {
    Account account = accounts.get(window);
    return account == null ? Totals.NONE : new Totals(account.spentNanos, account.reservedNanos);
  }

  @Override
  public synchronized Map<BudgetWindow, Totals> windows() {
    Map<BudgetWindow, Totals> windows = new TreeMap<>();
    accounts.forEach((window, account) -> windows.put(window, new Totals(account.spentNanos, account.reservedNanos)));
    return windows;
  }

  /** Reserves without checking any limit: for replaying what was granted before. */
  synchronized Reservation hold(long amountNanos, List<BudgetWindow> windows) {
    Reservation reservation = new Reservation(++lastId, amountNanos, windows);
    for (BudgetWindow window : reservation.windows()) {
      accounts.computeIfAbsent(window, key -> new Account()).reservedNanos += amountNanos;
    }
    pending.put(reservation.id(), reservation);
    return reservation;
  }

  /** Takes back a reservation whose call never started. */
  void release(Reservation reservation) {
    settle(reservation, 0);
  }

  synchronized List<ClaimedAlert> claimedAlerts() {
    return List.copyOf(alerts);
  }

  /** Forgets every window, and its alerts, that ended before {@code month}. */
  synchronized void dropBefore(YearMonth month) {
    accounts.keySet().removeIf(window -> window.month().isBefore(month));
    alerts.removeIf(alert -> alert.window().month().isBefore(month));
  }

  private static void requireNonNegative(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("an amount of money must not be negative: " + nanos);
    }
  }
}
