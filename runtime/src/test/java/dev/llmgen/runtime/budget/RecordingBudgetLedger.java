package dev.llmgen.runtime.budget;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ledger in memory that also remembers each reservation and settlement, in order. */
public final class RecordingBudgetLedger implements BudgetLedger {

  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();
  private final List<Long> reserved = new CopyOnWriteArrayList<>();
  private final List<Long> settled = new CopyOnWriteArrayList<>();

  @Override
  public Outcome reserve(long amountNanos, List<WindowLimit> limits) {
    Outcome outcome = ledger.reserve(amountNanos, limits);
    if (outcome instanceof Reservation) {
      reserved.add(amountNanos);
    }
    return outcome;
  }

  @Override
  public void settle(Reservation reservation, long actualNanos) {
    ledger.settle(reservation, actualNanos);
    settled.add(actualNanos);
  }

  @Override
  public boolean claimAlert(BudgetWindow window, String limitName, long limitNanos) {
    return ledger.claimAlert(window, limitName, limitNanos);
  }

  @Override
  public Totals totals(BudgetWindow window) {
    return ledger.totals(window);
  }

  @Override
  public Map<BudgetWindow, Totals> windows() {
    return ledger.windows();
  }

  /** The amount of each reservation granted, in order. */
  public List<Long> reservedAmounts() {
    return List.copyOf(reserved);
  }

  /** What each reservation was settled to, in order of settlement. */
  public List<Long> settledAmounts() {
    return List.copyOf(settled);
  }
}
