package dev.llmgen.runtime;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.budget.BudgetWindow;
import dev.llmgen.runtime.budget.RecordingBudgetLedger;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.metrics.CallMetrics;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.RetryMeter;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ProviderRouter;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.ResilienceSettings;
import dev.llmgen.runtime.resilience.RetryStages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;

/**
 * A runtime on the bundled catalog whose every model is served by one {@link ScriptedProvider}, on a
 * fake ticker, scheduler and a fixed clock, with the default resilience settings and a budget ledger
 * that remembers its reservations. Retries wait on the fake scheduler: specifications that meet
 * retryable failures set {@code maxAttempts(1)} or advance {@link #scheduler()}.
 */
public final class RuntimeFixture {

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private final FakeTicker ticker = new FakeTicker();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final CostLedger costs = new CostLedger(CLOCK, CostLedger.DEFAULT_RETENTION_DAYS);
  private final TokenCounter tokenCounter = new TokenCounter();
  private final RecordingBudgetLedger ledger = new RecordingBudgetLedger();
  private final ScriptedProvider provider = new ScriptedProvider();
  private final FakeScheduler scheduler = new FakeScheduler(ticker);
  private final CircuitBreakers circuits = new CircuitBreakers(ResilienceSettings.DEFAULTS, CLOCK, ticker, Set.of());
  private final BudgetStages budgets = new BudgetStages(() -> ledger, CLOCK, Set.of());
  private final LlmRuntime runtime = new LlmRuntime(
      ProviderRouter.everyModelTo(provider), ModelCatalog.bundled(), ModelMap.identity(), tokenCounter, ticker,
      new CallMetrics(meters, costs, circuits, budgets, ticker), new CacheStages(ticker),
      new RetryStages(ResilienceSettings.DEFAULTS, scheduler, Set.of(new RetryMeter(meters))),
      circuits, budgets, new RateLimitStages(ticker, scheduler));

  public LlmRuntime runtime() {
    return runtime;
  }

  public ScriptedProvider provider() {
    return provider;
  }

  public RecordingBudgetLedger ledger() {
    return ledger;
  }

  public SimpleMeterRegistry meters() {
    return meters;
  }

  public CostLedger costs() {
    return costs;
  }

  public TokenCounter tokenCounter() {
    return tokenCounter;
  }

  public FakeTicker ticker() {
    return ticker;
  }

  public FakeScheduler scheduler() {
    return scheduler;
  }

  /** What the application spent today in {@code pool}, settled calls only. */
  public long spentToday(String pool) {
    return ledger.totals(appToday(pool)).spentNanos();
  }

  /** What calls in flight hold today in {@code pool}. */
  public long reservedToday(String pool) {
    return ledger.totals(appToday(pool)).reservedNanos();
  }

  private static BudgetWindow appToday(String pool) {
    return new BudgetWindow(pool, null, BudgetWindow.Span.DAY, TODAY);
  }

  /** The input tokens of a request to a model with the {@code o200k_base} tokenizer. */
  public int inputTokens(String system, String prompt) {
    return tokenCounter.countChatInput(tokenCounter.encoding(TokenCounter.DEFAULT_TOKENIZER), system, prompt);
  }

  /** The tokens of an answer of a model with the {@code o200k_base} tokenizer. */
  public int outputTokens(String text) {
    return tokenCounter.count(tokenCounter.encoding(TokenCounter.DEFAULT_TOKENIZER), text);
  }
}
