package dev.llmgen.runtime.budget;

import static dev.llmgen.runtime.budget.BudgetCalls.answer;
import static dev.llmgen.runtime.budget.BudgetCalls.call;
import static dev.llmgen.runtime.budget.BudgetStageTest.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.MutableClock;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BudgetStagesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();
  private final BudgetStages stages = new BudgetStages(() -> ledger, clock, Set.of());
  private final ModelBinding model = BudgetCalls.outputPricedModel();

  @Test
  void onlyAMethodWithABudgetHasABudgetStage() {
    assertTrue(stages.stageFor(BudgetCalls.spec("Bot.free", 10), model).isEmpty());
    assertTrue(stages.stageFor(budgeted("Bot.paid", usd("1")), model).isPresent());
  }

  @Test
  void usageReportsEveryWindowAgainstTheStrictestLimitOfItsPool() {
    CallStage lenient = stages.stageFor(budgeted("Desk.draft", usd("0.05")), model).orElseThrow();
    stages.stageFor(budgeted("Desk.classify", usd("0.02")), model).orElseThrow();
    lenient.handle(call(BudgetCalls.costingUpTo(usd("0.01")), "cust-1"),
        call -> CompletableFuture.completedFuture(answer(usd("0.004")))).join();

    List<String> report = stages.usage().stream()
        .map(use -> use.window().key() + ' ' + use.limitName() + ' ' + use.spentUsd().toPlainString() + " of "
            + (use.hasLimit() ? use.limitUsd().toPlainString() : "no limit"))
        .toList();

    assertEquals(List.of(
        "default|*|day|2026-11-23 perAppDailyUsd 0.004000000 of no limit",
        "default|*|month|2026-11 perAppMonthlyUsd 0.004000000 of no limit",
        "default|cust-1|day|2026-11-23 perUserDailyUsd 0.004000000 of 0.020000000",
        "default|cust-1|month|2026-11 perUserMonthlyUsd 0.004000000 of no limit"), report);
  }

  private static CallSpec<String> budgeted(String feature, long perUserDaily) {
    return CallSpec.builder(feature, "gpt-test", 1_000, OutputFormat.text())
        .budget(BudgetPolicy.pool("default").perUserDailyNanos(perUserDaily).build())
        .build();
  }
}
