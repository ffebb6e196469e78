package dev.llmgen.runtime.budget;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where budgets keep their money, in nanodollars: what each window has spent (settled) and holds for
 * calls in flight (reserved). Implementations are thread-safe; a shared store can replace the local
 * one without touching the stages.
 */
public interface BudgetLedger {

  /**
   * Reserves {@code amountNanos} in every window of {@code limits}, all or nothing: granted only if
   * each window's spent, reserved and this amount together stay within its limit.
   */
  Outcome reserve(long amountNanos, List<WindowLimit> limits);

  /**
   * Replaces a reservation by what the call really cost, which may be less than it held or, when a
   * provider bills more than the estimate, more.
   *
   * @throws IllegalStateException if the reservation was settled before
   */
  void settle(Reservation reservation, long actualNanos);

  /**
   * Records that the alert of {@code limitName} at {@code limitNanos} fired in {@code window}.
   *
   * @return whether this is the first time, so that each alert fires once
   */
  boolean claimAlert(BudgetWindow window, String limitName, long limitNanos);

  Totals totals(BudgetWindow window);

  /** Every window with spending or reservations, in order. */
  Map<BudgetWindow, Totals> windows();

  /** A window and the most it may hold; {@link BudgetPolicy#NO_LIMIT} counts without limiting. */
  record WindowLimit(BudgetWindow window, long limitNanos) {
    public WindowLimit {
      Objects.requireNonNull(window, "window");
    }
  }

  /** A window's money: settled spending and reservations of calls in flight. */
  record Totals(long spentNanos, long reservedNanos) {
    public static final Totals NONE = new Totals(0, 0);
  }

  /** What {@link #reserve} answered: a {@link Reservation} or a {@link Refusal}. */
  sealed interface Outcome permits Reservation, Refusal {}

  /** Money held in some windows until {@link #settle} replaces it by the real cost. */
  record Reservation(long id, long amountNanos, List<BudgetWindow> windows) implements Outcome {
    public Reservation {
      windows = List.copyOf(windows);
    }
  }

  /** The first window that could not take the amount, and what it held at that moment. */
  record Refusal(WindowLimit limit, Totals totals) implements Outcome {}
}
