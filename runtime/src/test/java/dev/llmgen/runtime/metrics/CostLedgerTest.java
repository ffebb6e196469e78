package dev.llmgen.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.Concurrently;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Attribution of every call's cost to its user, feature, models and day, and queries along each. */
class CostLedgerTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  // 23:30 in Paris on Monday: half an hour before the day ends there (it is 22:30 in UTC).
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T22:30:00Z"), PARIS);
  private final CostLedger ledger = new CostLedger(clock, 3);

  private static Attempt turn(String model, Attempt.Outcome outcome, int requests, int input, int output, long cost) {
    return new Attempt(model, "fake", outcome, requests, input, output, input / 2, cost, OptionalDouble.empty(), 0,
        outcome.name());
  }

  /** An answer of {@code model} after the failed turns {@code before}. */
  private static LlmResult<String> answer(String model, long cost, Attempt... before) {
    List<Attempt> turns = new ArrayList<>(List.of(before));
    turns.add(turn(model, Attempt.Outcome.ANSWERED, 1, 100, 10, cost));
    return LlmResult.answered("Hi", model, "fake", 1, 100, 10, 50, cost, Duration.ofMillis(5)).withAttempts(turns);
  }

  private static LlmResult<String> fromCache(String model) {
    return new LlmResult<>("Hi", model, "fake", 0, 0, 0, 0, Duration.ZERO, true, List.of(), StageTimings.NONE);
  }

  @Test
  void eachModelIsChargedForItsOwnTurnAndTheCallCountsUnderTheModelThatAnswered() {
    Attempt rejected = turn("gpt-4o-mini", Attempt.Outcome.REJECTED, 2, 100, 30, 700);

    ledger.recordAnswer("Desk.extract", "ada", answer("gpt-4o", 9_000, rejected));

    assertEquals(Map.of(
        "gpt-4o-mini", new CostTotals(0, 0, 0, 2, 100, 50, 30, 700),
        "gpt-4o", new CostTotals(1, 0, 0, 1, 100, 50, 10, 9_000)), ledger.byModel(CostQuery.all()));
    assertEquals(Map.of("Desk.extract", new CostTotals(1, 0, 0, 3, 200, 100, 40, 9_700)),
        ledger.byFeature(CostQuery.all()));
    assertEquals(9_700, ledger.total(CostQuery.all().user("ada")).costNanos());
  }

  @Test
  void aCacheHitIsACallThatCostNothingAndCallsWithoutAUserAreFiledUnderNoUser() {
    ledger.recordAnswer("Desk.classify", null, answer("gpt-4o-mini", 500));
    ledger.recordAnswer("Desk.classify", null, fromCache("gpt-4o-mini"));

    CostTotals anonymous = ledger.byUser(CostQuery.all()).get(CostLedger.NO_USER);
    assertEquals(new CostTotals(2, 0, 1, 1, 100, 50, 10, 500), anonymous);
    assertEquals(0.5, anonymous.cacheHitRate());
  }

  @Test
  void aFailedCallCountsUnderTheModelThatFailedAndWhatWasPaidForUnderTheModelsThatWroteIt() {
    Attempt undecodable = turn("gpt-4o-mini", Attempt.Outcome.FAILED, 1, 100, 20, 400);

    ledger.recordFailure("Desk.extract", "ada", "gpt-4o", List.of(undecodable));
    ledger.recordFailure("Desk.extract", "ada", "gpt-4o", List.of());

    assertEquals(new CostTotals(2, 2, 0, 0, 0, 0, 0, 0), ledger.byModel(CostQuery.all()).get("gpt-4o"));
    assertEquals(new CostTotals(0, 0, 0, 1, 100, 50, 20, 400), ledger.byModel(CostQuery.all()).get("gpt-4o-mini"));
    assertEquals(new CostTotals(2, 2, 0, 1, 100, 50, 20, 400), ledger.total(CostQuery.all()));
  }

  @Test
  void queriesCombineUserFeatureModelAndDaysInTheClocksZone() {
    ledger.recordAnswer("Desk.extract", "ada", answer("gpt-4o", 1_000));
    ledger.recordAnswer("Desk.reply", "bob", answer("gpt-4o", 2_000));
    clock.advance(Duration.ofHours(1)); // 00:30 on Tuesday in Paris, still Monday in UTC
    ledger.recordAnswer("Desk.extract", "ada", answer("gpt-4o-mini", 30));
    LocalDate tuesday = MONDAY.plusDays(1);

    assertEquals(tuesday, ledger.today());
    assertEquals(Map.of(MONDAY, 3_000L, tuesday, 30L), costs(ledger.byDay(CostQuery.all())));
    assertEquals(1_000, ledger.total(CostQuery.all().user("ada").day(MONDAY)).costNanos());
    assertEquals(30, ledger.total(CostQuery.all().user("ada").model("gpt-4o-mini")).costNanos());
    assertEquals(Map.of("ada", 1_030L), costs(ledger.byUser(CostQuery.all().feature("Desk.extract"))));
    assertEquals(Map.of("gpt-4o", 3_000L, "gpt-4o-mini", 30L),
        costs(ledger.byModel(CostQuery.all().days(MONDAY, tuesday))));
    assertEquals(CostTotals.NONE, ledger.total(CostQuery.all().user("carol")));
    assertThrows(IllegalArgumentException.class, () -> CostQuery.all().days(tuesday, MONDAY));
  }

  @Test
  void daysOlderThanTheRetentionAreDroppedWhenANewDayBegins() {
    ledger.recordAnswer("Desk.reply", "ada", answer("gpt-4o", 1));
    clock.advance(Duration.ofDays(1));
    ledger.recordAnswer("Desk.reply", "ada", answer("gpt-4o", 2));
    clock.advance(Duration.ofDays(1));
    ledger.recordAnswer("Desk.reply", "ada", answer("gpt-4o", 4));
    assertEquals(7, ledger.total(CostQuery.all()).costNanos(), "three days are kept");

    clock.advance(Duration.ofDays(1));
    ledger.recordAnswer("Desk.reply", "ada", answer("gpt-4o", 8));

    assertEquals(Map.of(MONDAY.plusDays(1), 2L, MONDAY.plusDays(2), 4L, MONDAY.plusDays(3), 8L),
        costs(ledger.byDay(CostQuery.all())));
  }

  @Test
  void manyThreadsRecordingAtOnceLoseNothing() throws Exception {
    int threads = 8;
    int callsEach = 5_000;
    Concurrently.run(threads, thread -> {
      String user = "user-" + thread % 3;
      for (int i = 0; i < callsEach; i++) {
        if (i % 4 == 0) {
          ledger.recordAnswer("Desk.reply", user, fromCache("gpt-4o"));
        } else {
          ledger.recordAnswer("Desk.reply", user, answer("gpt-4o", 3, turn("gpt-4o-mini", Attempt.Outcome.FAILED,
              2, 0, 0, 0)));
        }
      }
    });

    long calls = (long) threads * callsEach;
    long paid = calls * 3 / 4;
    CostTotals total = ledger.total(CostQuery.all());
    assertEquals(new CostTotals(calls, 0, calls / 4, paid * 3, paid * 100, paid * 50, paid * 10, paid * 3), total);
    assertEquals(total, ledger.byUser(CostQuery.all()).values().stream().reduce(CostTotals.NONE, CostTotals::plus));
  }

  private static <K> Map<K, Long> costs(Map<K, CostTotals> totals) {
    Map<K, Long> costs = new TreeMap<>();
    totals.forEach((key, value) -> costs.put(key, value.costNanos()));
    return costs;
  }
}
