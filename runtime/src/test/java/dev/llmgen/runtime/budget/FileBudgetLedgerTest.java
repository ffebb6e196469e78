package dev.llmgen.runtime.budget;

import static dev.llmgen.runtime.budget.BudgetCalls.answer;
import static dev.llmgen.runtime.budget.BudgetCalls.call;
import static dev.llmgen.runtime.budget.BudgetCalls.costingUpTo;
import static dev.llmgen.runtime.budget.BudgetStageTest.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmgen.runtime.MutableClock;
import dev.llmgen.runtime.budget.BudgetLedger.Reservation;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.runtime.budget.BudgetLedger.WindowLimit;
import dev.llmgen.runtime.budget.BudgetWindow.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on disk: what survives a restart, a kill and a torn write, and what compaction keeps. */
class FileBudgetLedgerTest {

  private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
  private static final BudgetWindow USER_DAY = new BudgetWindow("default", "cust-1", Span.DAY, NOV_30);
  private static final BudgetWindow USER_MONTH = new BudgetWindow("default", "cust-1", Span.MONTH, NOV_30);
  private static final BudgetWindow APP_DAY = new BudgetWindow("default", null, Span.DAY, NOV_30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  private Path directory;

  private Path file() {
    return directory.resolve("budget.journal");
  }

  private FileBudgetLedger open() throws IOException {
    return FileBudgetLedger.open(file(), clock, false);
  }

  @Test
  void reopeningRestoresSettledSpendingToTheNanodollar() throws IOException {
    Map<BudgetWindow, Totals> before;
    try (FileBudgetLedger ledger = open()) {
      spend(ledger, 1_234_567_891, 1_000_000_007, USER_DAY, USER_MONTH, APP_DAY);
      spend(ledger, 987_654_321, 3, USER_MONTH, APP_DAY);
      before = ledger.windows();
    }

    try (FileBudgetLedger ledger = open()) {
      assertEquals(before, ledger.windows());
      assertEquals(new Totals(1_000_000_010, 0), ledger.totals(APP_DAY));
    }
  }

  @Test
  void aTornLastLineIsIgnored() throws IOException {
    try (FileBudgetLedger ledger = open()) {
      spend(ledger, 500, 400, APP_DAY);
    }
    String whole = "R 99 5000 " + APP_DAY.key() + "\n";
    Files.writeString(file(), "1a2b3c4d " + whole.substring(0, 9), StandardOpenOption.APPEND);

    try (FileBudgetLedger ledger = open()) {
      assertEquals(new Totals(400, 0), ledger.totals(APP_DAY));
      spend(ledger, 100, 100, APP_DAY);
    }
    try (FileBudgetLedger ledger = open()) {
      assertEquals(new Totals(500, 0), ledger.totals(APP_DAY));
    }
  }

  @Test
  void aCorruptLineBeforeTheLastOneStopsTheLedgerFromOpening() throws IOException {
    try (FileBudgetLedger ledger = open()) {
      spend(ledger, 500, 400, APP_DAY);
    }
    Files.writeString(file(), "00000000 T " + APP_DAY.key() + " 1\n" + Files.readString(file()));

    IOException corrupt = assertThrows(IOException.class, this::open);

    assertEquals(file() + ": line 1 is corrupt; restore the file from a backup", corrupt.getMessage());
  }

  @Test
  void aReservationNeverSettledBecauseTheProcessDiedIsSpentInFull() throws IOException {
    FileBudgetLedger killed = open();
    spend(killed, 300, 200, APP_DAY);
    killed.reserve(2_100_000, List.of(new WindowLimit(USER_DAY, usd("1")), new WindowLimit(APP_DAY, usd("1"))));

    try (FileBudgetLedger restarted = open()) {
      assertEquals(new Totals(2_100_000, 0), restarted.totals(USER_DAY));
      assertEquals(new Totals(2_100_200, 0), restarted.totals(APP_DAY));
    } finally {
      killed.close();
    }
  }

  @Test
  void compactionKeepsEveryTotalOfTheCurrentMonthAndDropsOlderWindows() throws IOException {
    BudgetWindow december = new BudgetWindow("default", null, Span.MONTH, LocalDate.of(2026, 12, 1));
    try (FileBudgetLedger ledger = open()) {
      spend(ledger, 900, 800, USER_DAY, USER_MONTH);
      clock.advance(Duration.ofDays(1));
      for (int i = 0; i < 10; i++) {
        spend(ledger, 70, 7, december);
      }
      ledger.claimAlert(december, "perAppMonthlyUsd", 100);
      ledger.claimAlert(USER_DAY, "perUserDailyUsd", 1_000);
    }

    try (FileBudgetLedger ledger = open()) {
      assertEquals(Map.of(december, new Totals(70, 0)), ledger.windows());
    }
    List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
    assertEquals(List.of("T " + december.key() + " 70", "A " + december.key() + " perAppMonthlyUsd 100"),
        lines.stream().map(line -> line.substring(9)).toList());
    try (FileBudgetLedger ledger = open()) {
      assertEquals(Map.of(december, new Totals(70, 0)), ledger.windows());
      assertFalse(ledger.claimAlert(december, "perAppMonthlyUsd", 100));
    }
  }

  @Test
  void anAlertThatFiredDoesNotFireAgainAfterARestart() throws IOException {
    List<BudgetAlert> alerts = new ArrayList<>();
    BudgetPolicy policy = BudgetPolicy.pool("default").perAppDailyNanos(usd("0.01")).alertAt(0.5).build();
    try (FileBudgetLedger ledger = open()) {
      spendThroughStage(ledger, policy, alerts, 3);
    }
    try (FileBudgetLedger ledger = open()) {
      spendThroughStage(ledger, policy, alerts, 2);
    }

    assertEquals(1, alerts.size());
    assertEquals(usd("0.006"), alerts.get(0).spentNanos());
  }

  @Test
  void anyPoolOrUserNameSurvivesTheJournal() throws IOException {
    List<BudgetWindow> windows = List.of(
        new BudgetWindow("a|b c", "*", Span.DAY, NOV_30),
        new BudgetWindow("a|b c", null, Span.DAY, NOV_30),
        new BudgetWindow("%2A", "", Span.MONTH, NOV_30),
        new BudgetWindow("default", "line\nbreak ü", Span.MONTH, NOV_30));
    try (FileBudgetLedger ledger = open()) {
      for (int i = 0; i < windows.size(); i++) {
        spend(ledger, 10 + i, 10 + i, windows.get(i));
      }
    }

    try (FileBudgetLedger ledger = open()) {
      for (int i = 0; i < windows.size(); i++) {
        assertEquals(new Totals(10 + i, 0), ledger.totals(windows.get(i)), windows.get(i).toString());
      }
    }
  }

  /** Spends $0.002 in each of {@code calls} calls. */
  private void spendThroughStage(BudgetLedger ledger, BudgetPolicy policy, List<BudgetAlert> alerts, int calls) {
    BudgetStage stage = new BudgetStage(policy, BudgetCalls.outputPricedModel(), ledger, clock, List.of(alerts::add));
    for (int i = 0; i < calls; i++) {
      stage.handle(call(costingUpTo(usd("0.002")), null),
          call -> CompletableFuture.completedFuture(answer(usd("0.002")))).join();
    }
  }

  private static void spend(BudgetLedger ledger, long reserved, long actual, BudgetWindow... windows) {
    List<WindowLimit> limits = List.of(windows).stream()
        .map(window -> new WindowLimit(window, BudgetPolicy.NO_LIMIT)).toList();
    ledger.settle(assertInstanceOf(Reservation.class, ledger.reserve(reserved, limits)), actual);
  }
}
