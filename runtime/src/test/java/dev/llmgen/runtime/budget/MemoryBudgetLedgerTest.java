package dev.llmgen.runtime.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmgen.runtime.budget.BudgetLedger.Refusal;
import dev.llmgen.runtime.budget.BudgetLedger.Reservation;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.runtime.budget.BudgetLedger.WindowLimit;
import dev.llmgen.runtime.budget.BudgetWindow.Span;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetLedgerTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final BudgetWindow USER_DAY = new BudgetWindow("default", "cust-1", Span.DAY, TODAY);
  private static final BudgetWindow APP_DAY = new BudgetWindow("default", null, Span.DAY, TODAY);

  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();

  @Test
  void aReservationIsHeldInEveryWindowOrInNone() {
    Reservation first = assertInstanceOf(Reservation.class,
        ledger.reserve(60, List.of(new WindowLimit(USER_DAY, 1_000), new WindowLimit(APP_DAY, 100))));

    Refusal refusal = assertInstanceOf(Refusal.class,
        ledger.reserve(50, List.of(new WindowLimit(USER_DAY, 1_000), new WindowLimit(APP_DAY, 100))));

    assertEquals(new Refusal(new WindowLimit(APP_DAY, 100), new Totals(0, 60)), refusal);
    assertEquals(new Totals(0, 60), ledger.totals(USER_DAY));
    ledger.settle(first, 40);
    assertInstanceOf(Reservation.class,
        ledger.reserve(60, List.of(new WindowLimit(USER_DAY, 1_000), new WindowLimit(APP_DAY, 100))));
    assertEquals(new Totals(40, 60), ledger.totals(APP_DAY));
  }

  @Test
  void aReservationIsSettledOnce() {
    Reservation reservation = assertInstanceOf(Reservation.class,
        ledger.reserve(60, List.of(new WindowLimit(APP_DAY, BudgetPolicy.NO_LIMIT))));
    ledger.settle(reservation, 10);

    assertThrows(IllegalStateException.class, () -> ledger.settle(reservation, 10));
    assertEquals(new Totals(10, 0), ledger.totals(APP_DAY));
  }
}
