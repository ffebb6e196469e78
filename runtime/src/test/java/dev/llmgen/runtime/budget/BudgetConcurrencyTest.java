package dev.llmgen.runtime.budget;

import static dev.llmgen.runtime.budget.BudgetCalls.answer;
import static dev.llmgen.runtime.budget.BudgetStageTest.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.MutableClock;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.ModelBinding;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads spending at once against per-user and per-application limits: no window ends above its
 * limit, and the ledger holds exactly what was settled.
 */
class BudgetConcurrencyTest {

  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 400;
  private static final int USERS = 40;
  private static final int HEAVY_USERS = 4;
  private static final long SEED = 20261123;
  private static final long PER_USER_DAILY = usd("0.05");
  private static final long PER_APP_DAILY = usd("1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final ModelBinding model = BudgetCalls.model(TokenPrices.ofUsdPerMillion("2.50", "0", "0", "10"));
  private final CallSpec<String> spec = BudgetCalls.spec(BudgetCalls.FEATURE, 100);
  private final BudgetPolicy policy = BudgetPolicy.pool("default")
      .perUserDailyNanos(PER_USER_DAILY).perAppDailyNanos(PER_APP_DAILY).build();
  private final AtomicLong settled = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  @Test
  void concurrentCallsNeverOverspendInMemory() throws Exception {
    MemoryBudgetLedger ledger = new MemoryBudgetLedger();

    spendConcurrently(ledger);

    assertBalanced(ledger.windows());
  }

  @Test
  void concurrentCallsNeverOverspendOnDiskAndTheJournalAgrees(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("budget.journal");
    Map<BudgetWindow, Totals> spent;
    try (FileBudgetLedger ledger = FileBudgetLedger.open(file, clock, false)) {
      spendConcurrently(ledger);
      spent = ledger.windows();
    }

    try (FileBudgetLedger reopened = FileBudgetLedger.open(file, clock, false)) {
      assertEquals(spent, reopened.windows());
      assertBalanced(reopened.windows());
    }
  }

  private void spendConcurrently(BudgetLedger ledger) throws Exception {
    BudgetStage stage = new BudgetStage(policy, model, ledger, clock, List.of());
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    ExecutorService provider = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        SplittableRandom random = new SplittableRandom(SEED + thread);
        threads.add(callers.submit(() -> {
          start.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            callOnce(stage, provider, random);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> thread : threads) {
        thread.get();
      }
    } finally {
      callers.shutdownNow();
      provider.shutdownNow();
    }
  }

  /** One call of random length and cost for a random user, answered now or later, or failing. */
  private void callOnce(BudgetStage stage, ExecutorService provider, SplittableRandom random) {
    String prompt = "word ".repeat(1 + random.nextInt(60));
    long worstCase = model.worstCaseCostNanos(model.countInput(spec.system(), prompt), spec.maxTokens());
    long actual = random.nextLong(worstCase + 1);
    int outcome = random.nextInt(10);
    CallHandler<String> next = call -> switch (outcome) {
      case 0 -> CompletableFuture.failedFuture(
          new LlmProviderException("unavailable", "fake", "gpt-test", 503, null, "", null, null));
      case 1, 2, 3, 4 -> CompletableFuture.supplyAsync(() -> answer(actual), provider);
      default -> CompletableFuture.completedFuture(answer(actual));
    };
    // Half of the calls come from a few heavy users, so that per-user limits are reached too.
    String user = "user-" + (random.nextBoolean() ? random.nextInt(HEAVY_USERS) : random.nextInt(USERS));
    Call<String> call = new Call<>(spec, prompt, user, Ticker.system(), 0);
    try {
      LlmResult<String> result = stage.handle(call, next).join();
      settled.addAndGet(result.costNanos());
      answered.incrementAndGet();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof LlmProviderException)) {
        assertInstanceOf(BudgetExceededException.class, e.getCause());
        refused.incrementAndGet();
      }
    }
  }

  private void assertBalanced(Map<BudgetWindow, Totals> windows) {
    assertLimitsWereReached(windows);
    windows.forEach((window, totals) -> {
      assertEquals(0, totals.reservedNanos(), window.key());
      assertTrue(totals.spentNanos() <= BudgetLimit.of(window).in(policy), window.key() + " spent " + totals);
    });
    for (BudgetLimit limit : BudgetLimit.values()) {
      long spent = windows.entrySet().stream()
          .filter(window -> BudgetLimit.of(window.getKey()) == limit)
          .mapToLong(window -> window.getValue().spentNanos())
          .sum();
      assertEquals(settled.get(), spent, limit.annotationName());
    }
  }

  /** Without this, the test would pass as well for a ledger that never refuses. */
  private void assertLimitsWereReached(Map<BudgetWindow, Totals> windows) {
    String outcome = answered + " answered, " + refused + " refused, " + windows;
    assertTrue(refused.get() > 0, outcome);
    for (BudgetLimit limit : List.of(BudgetLimit.PER_USER_DAILY, BudgetLimit.PER_APP_DAILY)) {
      long mostSpent = windows.entrySet().stream()
          .filter(window -> BudgetLimit.of(window.getKey()) == limit)
          .mapToLong(window -> window.getValue().spentNanos())
          .max().orElseThrow();
      assertTrue(mostSpent > limit.in(policy) * 9 / 10, limit.annotationName() + ": " + outcome);
    }
  }
}
