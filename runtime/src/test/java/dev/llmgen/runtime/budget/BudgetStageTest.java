package dev.llmgen.runtime.budget;

import static dev.llmgen.runtime.budget.BudgetCalls.FEATURE;
import static dev.llmgen.runtime.budget.BudgetCalls.answer;
import static dev.llmgen.runtime.budget.BudgetCalls.call;
import static dev.llmgen.runtime.budget.BudgetCalls.costingUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.MutableClock;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.runtime.budget.BudgetWindow.Span;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The budget stage: checks and reservations before the call, settlement and alerts after it. */
class BudgetStageTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();
  private final ModelBinding model = BudgetCalls.outputPricedModel();
  private final List<BudgetAlert> alerts = new ArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();

  @Test
  void aCallAboveThePerRequestLimitIsNeverSent() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perRequestNanos(usd("0.001")).build());

    BudgetExceededException refused = refused(stage, costingUpTo(usd("0.0021")), "cust-1");

    assertEquals(FEATURE + " would exceed perRequestUsd $0.001: this call may cost up to $0.0021"
        + " (its input and maxTokens of output)", refused.getMessage());
    assertEquals("perRequestUsd", refused.limitName());
    assertEquals(BudgetExceededException.REQUEST, refused.window());
    assertEquals(0, sent.get());
    assertTrue(ledger.windows().isEmpty());
  }

  @Test
  void theWorstCaseIsTheExactInputAndMaxTokensOfOutput() {
    ModelBinding priced = BudgetCalls.model(TokenPrices.ofUsdPerMillion("2.50", "0", "0", "10"));
    BudgetStage stage = new BudgetStage(BudgetPolicy.pool("default").perAppDailyNanos(usd("1")).build(),
        priced, ledger, clock, List.of());
    CallSpec<String> spec = costingUpTo(usd("0.0021"));
    CompletableFuture<LlmResult<String>> inFlight = new CompletableFuture<>();

    CompletableFuture<LlmResult<String>> result = stage.handle(call(spec, "cust-1"), call -> inFlight);

    long input = priced.countInput(spec.system(), "Hello");
    long worstCase = -Math.floorDiv(-input * 2_500_000_000L, 1_000_000) + 210 * 10_000;
    assertEquals(new Totals(0, worstCase), ledger.totals(appDay()));
    inFlight.complete(answer(1_234));
    result.join();
    assertEquals(new Totals(1_234, 0), ledger.totals(appDay()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "PER_USER_DAILY; 2026-11-23; perUserDailyUsd $0.05 for user cust-1 in pool default on 2026-11-23",
      "PER_USER_MONTHLY; 2026-11; perUserMonthlyUsd $0.05 for user cust-1 in pool default in 2026-11",
      "PER_APP_DAILY; 2026-11-23; perAppDailyUsd $0.05 in pool default on 2026-11-23",
      "PER_APP_MONTHLY; 2026-11; perAppMonthlyUsd $0.05 in pool default in 2026-11"})
  void eachWindowRefusesACallThatDoesNotFitAndNeverSendsIt(BudgetLimit limit, String window, String exceeded) {
    BudgetStage stage = stage(only(limit, usd("0.05")));
    run(stage, costingUpTo(usd("0.05")), "cust-1", usd("0.049"));

    BudgetExceededException refused = refused(stage, costingUpTo(usd("0.0021")), "cust-1");

    assertEquals(FEATURE + " would exceed " + exceeded + ": $0.049 spent, $0 reserved, this call may cost up to"
        + " $0.0021", refused.getMessage());
    assertEquals(limit.annotationName(), refused.limitName());
    assertEquals(window, refused.window());
    assertEquals(limit.perUser() ? Optional.of("cust-1") : Optional.empty(), refused.user());
    assertEquals(1, sent.get());
  }

  @Test
  void aRefusalSaysWhatWasSpentWhatIsInFlightAndWhatTheCallMayCost() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perUserDailyNanos(usd("0.05")).build());
    run(stage, costingUpTo(usd("0.05")), "cust-1", usd("0.049"));
    stage.handle(call(costingUpTo(usd("0.0004")), "cust-1"), call -> new CompletableFuture<>());

    BudgetExceededException refused = refused(stage, costingUpTo(usd("0.0021")), "cust-1");

    assertEquals("SupportDesk.draftReply would exceed perUserDailyUsd $0.05 for user cust-1 in pool default on"
        + " 2026-11-23: $0.049 spent, $0.0004 reserved, this call may cost up to $0.0021", refused.getMessage());
    assertEquals("default", refused.pool());
    assertEquals(new BigDecimal("0.050000000"), refused.limitUsd());
    assertEquals(new BigDecimal("0.049000000"), refused.spentUsd());
    assertEquals(new BigDecimal("0.000400000"), refused.reservedUsd());
    assertEquals(new BigDecimal("0.002100000"), refused.askedUsd());
  }

  @Test
  void settlingToTheActualCostFreesTheRestOfTheReservation() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perUserDailyNanos(usd("0.01")).build());
    CompletableFuture<LlmResult<String>> inFlight = new CompletableFuture<>();
    CompletableFuture<LlmResult<String>> first =
        stage.handle(call(costingUpTo(usd("0.01")), "cust-1"), call -> inFlight);
    refused(stage, costingUpTo(usd("0.008")), "cust-1");

    inFlight.complete(answer(usd("0.002")));
    first.join();

    assertEquals(usd("0.008"), run(stage, costingUpTo(usd("0.008")), "cust-1", usd("0.008")).costNanos());
    assertEquals(new Totals(usd("0.01"), 0), ledger.totals(userDay("cust-1")));
  }

  @Test
  void aProviderBillingMoreThanTheEstimateIsRecordedAsBilled() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perUserDailyNanos(usd("0.01")).build());

    run(stage, costingUpTo(usd("0.002")), "cust-1", usd("0.0025"));

    assertEquals(new Totals(usd("0.0025"), 0), ledger.totals(userDay("cust-1")));
  }

  @Test
  void anUndecodableAnswerIsPaidForAndAFailedRequestIsNot() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perAppDailyNanos(usd("1")).build());
    LlmOutputException undecodable = new LlmOutputException(
        "not a category", "one of A, B", "C", "gpt-test", 10, 5, 777, null);
    LlmProviderException unavailable = new LlmProviderException(
        "503", "fake", "gpt-test", 503, null, "", null, null);

    Throwable paid = failure(stage.handle(call(costingUpTo(usd("0.001")), null),
        call -> CompletableFuture.completedFuture(answer(0)).thenApply(answer -> { throw undecodable; })));
    Throwable unpaid = failure(stage.handle(call(costingUpTo(usd("0.001")), null),
        call -> CompletableFuture.failedFuture(unavailable)));
    Throwable thrown = failure(stage.handle(call(costingUpTo(usd("0.001")), null), call -> { throw unavailable; }));

    assertSame(undecodable, paid);
    assertSame(unavailable, unpaid);
    assertSame(unavailable, thrown);
    assertEquals(new Totals(777, 0), ledger.totals(appDay()));
  }

  @Test
  void aTimeoutIsSettledAtTheWorstCaseBecauseTheProviderMayHaveBilledIt() {
    BudgetStage stage = stage(BudgetPolicy.pool("default").perAppDailyNanos(usd("1")).build());
    CallSpec<String> spec = costingUpTo(usd("0.001"));
    LlmTimeoutException timeout = new LlmTimeoutException("fake", "gpt-test", Duration.ofSeconds(30), null);

    assertSame(timeout, failure(stage.handle(call(spec, null), call -> CompletableFuture.failedFuture(timeout))));

    Totals totals = ledger.totals(appDay());
    assertEquals(0, totals.reservedNanos());
    assertTrue(totals.spentNanos() > 0 && totals.spentNanos() <= usd("0.001"), totals.toString());
  }

  @Test
  void aCallWithoutUserToAMethodWithPerUserLimitsIsAnonymous() {
    BudgetStage perUser = stage(BudgetPolicy.pool("default").perUserDailyNanos(usd("0.001")).build());
    BudgetStage perApp = stage(BudgetPolicy.pool("app-only").perAppDailyNanos(usd("0.001")).build());

    run(perUser, costingUpTo(usd("0.001")), null, usd("0.001"));
    run(perApp, costingUpTo(usd("0.001")), null, usd("0.001"));

    assertTrue(refused(perUser, costingUpTo(usd("0.001")), null).getMessage()
        .contains("for user (anonymous) in pool default"));
    assertEquals(usd("0.001"), ledger.totals(userDay(BudgetStage.ANONYMOUS)).spentNanos());
    assertTrue(ledger.windows().keySet().stream()
        .noneMatch(window -> window.pool().equals("app-only") && window.perUser()));
  }

  @Test
  void methodsOfOnePoolShareSpendingAndEachChecksItsOwnLimits() {
    BudgetStage strict = stage(BudgetPolicy.pool("support").perAppDailyNanos(usd("0.01")).build());
    BudgetStage perUserOnly = stage(BudgetPolicy.pool("support").perUserDailyNanos(usd("1")).build());
    BudgetStage otherPool = stage(BudgetPolicy.pool("sales").perAppDailyNanos(usd("0.01")).build());

    run(perUserOnly, costingUpTo(usd("0.009")), "cust-1", usd("0.009"));

    assertEquals("perAppDailyUsd", refused(strict, costingUpTo(usd("0.002")), "cust-2").limitName());
    run(perUserOnly, costingUpTo(usd("0.002")), "cust-2", usd("0.002"));
    run(otherPool, costingUpTo(usd("0.002")), "cust-2", usd("0.002"));
    assertEquals(usd("0.011"), ledger.totals(new BudgetWindow("support", null, Span.DAY, TODAY)).spentNanos());
  }

  @Test
  void daysAndMonthsBeginAtMidnightInTheClocksZone() {
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    MutableClock local = new MutableClock(
        LocalDate.of(2026, 11, 29).atTime(23, 59).atZone(auckland).toInstant(), auckland);
    BudgetStage stage = new BudgetStage(BudgetPolicy.pool("default")
        .perUserDailyNanos(usd("0.01")).perUserMonthlyNanos(usd("0.015")).build(), model, ledger, local, List.of());
    run(stage, costingUpTo(usd("0.01")), "cust-1", usd("0.01"));
    assertEquals("2026-11-29", refused(stage, costingUpTo(usd("0.001")), "cust-1").window());

    local.advance(Duration.ofMinutes(2));
    run(stage, costingUpTo(usd("0.005")), "cust-1", usd("0.005"));
    BudgetExceededException monthFull = refused(stage, costingUpTo(usd("0.001")), "cust-1");
    assertEquals("perUserMonthlyUsd", monthFull.limitName());
    assertEquals("2026-11", monthFull.window());

    local.advance(Duration.ofDays(1));
    assertEquals("2026-11-30", local.instant().atZone(ZoneOffset.UTC).toLocalDate().toString());
    run(stage, costingUpTo(usd("0.001")), "cust-1", usd("0.001"));
    assertEquals(usd("0.001"), ledger.totals(
        new BudgetWindow("default", "cust-1", Span.MONTH, LocalDate.of(2026, 12, 1))).spentNanos());
  }

  @Test
  void anAlertFiresOncePerWindowWhenSettledSpendingCrossesItsShareOfTheLimit() {
    BudgetListener broken = alert -> {
      throw new IllegalStateException("listener bug");
    };
    BudgetStage stage = new BudgetStage(
        BudgetPolicy.pool("default").perUserDailyNanos(usd("0.01")).alertAt(0.5).build(), model, ledger, clock,
        List.of(broken, alerts::add));

    for (int i = 0; i < 4; i++) {
      run(stage, costingUpTo(usd("0.002")), "cust-1", usd("0.002"));
    }
    clock.advance(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      run(stage, costingUpTo(usd("0.002")), "cust-1", usd("0.002"));
    }

    assertEquals(List.of(
        new BudgetAlert("default", "cust-1", "2026-11-23", "perUserDailyUsd", usd("0.01"), usd("0.006"), 0.5),
        new BudgetAlert("default", "cust-1", "2026-11-24", "perUserDailyUsd", usd("0.01"), usd("0.006"), 0.5)),
        alerts);
  }

  private BudgetStage stage(BudgetPolicy policy) {
    return new BudgetStage(policy, model, ledger, clock, List.of(alerts::add));
  }

  private LlmResult<String> run(BudgetStage stage, CallSpec<String> spec, String user, long actualNanos) {
    return stage.handle(call(spec, user), answering(actualNanos)).join();
  }

  private BudgetExceededException refused(BudgetStage stage, CallSpec<String> spec, String user) {
    int sentBefore = sent.get();
    Throwable failure = failure(stage.handle(call(spec, user), answering(0)));
    assertEquals(sentBefore, sent.get(), "a refused call must never reach the next handler");
    return assertInstanceOf(BudgetExceededException.class, failure);
  }

  private CallHandler<String> answering(long actualNanos) {
    return (Call<String> call) -> {
      sent.incrementAndGet();
      return CompletableFuture.completedFuture(answer(actualNanos));
    };
  }

  private static Throwable failure(CompletableFuture<?> future) {
    Throwable failure = assertThrows(CompletionException.class, future::join).getCause();
    return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
  }

  static BudgetPolicy only(BudgetLimit limit, long nanos) {
    BudgetPolicy.Builder policy = BudgetPolicy.pool("default");
    switch (limit) {
      case PER_USER_DAILY -> policy.perUserDailyNanos(nanos);
      case PER_USER_MONTHLY -> policy.perUserMonthlyNanos(nanos);
      case PER_APP_DAILY -> policy.perAppDailyNanos(nanos);
      case PER_APP_MONTHLY -> policy.perAppMonthlyNanos(nanos);
    }
    return policy.build();
  }

  static long usd(String dollars) {
    return Usd.toNanos(new BigDecimal(dollars));
  }

  private static BudgetWindow appDay() {
    return new BudgetWindow("default", null, Span.DAY, TODAY);
  }

  private static BudgetWindow userDay(String user) {
    return new BudgetWindow("default", user, Span.DAY, TODAY);
  }
}
