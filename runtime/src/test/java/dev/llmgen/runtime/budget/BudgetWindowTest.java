package dev.llmgen.runtime.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmgen.runtime.budget.BudgetWindow.Span;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BudgetWindowTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void keysNameThePoolTheUserOrTheWholeApplicationAndThePeriod() {
    assertEquals("default|cust-1|day|2026-11-23", new BudgetWindow("default", "cust-1", Span.DAY, TODAY).key());
    assertEquals("default|*|month|2026-11", new BudgetWindow("default", null, Span.MONTH, TODAY).key());
  }
}
