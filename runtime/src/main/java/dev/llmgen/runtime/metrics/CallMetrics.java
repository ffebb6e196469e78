package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.budget.BudgetUse;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.CircuitState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures every call: gives each method its outermost stage, which records the call's latency,
 * stage times, tokens, cost, cache use, retries and failures in the {@link MeterRegistry} and charges
 * it to the {@link CostLedger}; and registers the gauges of the models and budgets the method uses
 * (circuit states, budget spending), read only when the registry is.
 */
@Singleton
public final class CallMetrics {

  private final MeterRegistry registry;
  private final CostLedger ledger;
  private final CircuitBreakers circuits;
  private final BudgetStages budgets;
  private final Ticker ticker;
  private final ConcurrentMap<String, MethodMeters.StageTotals[]> stageTotals = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, PoolUse> pools = new ConcurrentHashMap<>();
  private final Set<String> circuitModels = ConcurrentHashMap.newKeySet();

  @Inject
  public CallMetrics(
      MeterRegistry registry, CostLedger ledger, CircuitBreakers circuits, BudgetStages budgets, Ticker ticker) {
    this.registry = registry;
    this.ledger = ledger;
    this.circuits = circuits;
    this.budgets = budgets;
    this.ticker = ticker;
  }

  /** The outermost stage of a method that asks {@code models}, its first model first. */
  public CallStage stageFor(CallSpec<?> spec, List<ModelBinding> models) {
    for (ModelBinding model : models) {
      registerCircuitGauges(model.providerModel());
    }
    spec.budget().ifPresent(policy -> registerBudgetGauges(policy.pool()));
    MethodMeters.StageTotals[] totals =
        stageTotals.computeIfAbsent(spec.feature(), feature -> MethodMeters.newStageTotals());
    return new MetricsStage(new MethodMeters(registry, spec, models, totals), ledger);
  }

  /** One gauge per state, 1 for the state the model's circuit is in and 0 for the others. */
  private void registerCircuitGauges(String model) {
    if (!circuitModels.add(model)) {
      return;
    }
    for (CircuitState state : CircuitState.values()) {
      Gauge.builder(MeterNames.CIRCUIT, circuits, breakers -> breakers.states().get(model) == state ? 1 : 0)
          .description("1 for the state the model's circuit breaker is in")
          .tag(MeterNames.MODEL, model)
          .tag(MeterNames.STATE, state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /**
   * What each limit's current window of {@code pool} has spent (for per-user limits, the user who spent
   * the most), and the limit itself where one is set. Methods of one pool share its gauges; a method that
   * sets a limit the others did not adds that limit's.
   */
  private void registerBudgetGauges(String pool) {
    PoolUse poolUse = pools.computeIfAbsent(pool, name -> new PoolUse(budgets, name, ticker));
    for (BudgetUse use : budgets.current(pool)) {
      String limit = use.limitName();
      if (poolUse.spendingShown.add(limit)) {
        Gauge.builder(MeterNames.BUDGET_SPENT, poolUse, current -> usd(current.of(limit).spentNanos()))
            .description("Spent in the current day or month; for per-user limits, by the user who spent most")
            .baseUnit("usd").tag(MeterNames.POOL, pool).tag(MeterNames.LIMIT, limit)
            .register(registry);
      }
      if (use.hasLimit() && poolUse.limitShown.add(limit)) {
        Gauge.builder(MeterNames.BUDGET_LIMIT, poolUse, current -> usd(current.of(limit).limitNanos()))
            .description("The strictest limit the pool's methods set").baseUnit("usd")
            .tag(MeterNames.POOL, pool).tag(MeterNames.LIMIT, limit)
            .register(registry);
      }
    }
  }

  private static double usd(long nanos) {
    return nanos / MeterNames.NANOS_PER_USD;
  }

  /**
   * Where one pool's limits stand, worked out at most once a second however many gauges read it: working
   * it out reads every window of the budget ledger, under the lock that calls reserve with. Held here, as
   * the registry holds its gauges' objects only weakly.
   */
  private static final class PoolUse {
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BudgetStages budgets;
    private final String pool;
    private final Ticker ticker;
    // The limits whose spending, and whose value, have gauges so far.
    private final Set<String> spendingShown = ConcurrentHashMap.newKeySet();
    private final Set<String> limitShown = ConcurrentHashMap.newKeySet();
    private List<BudgetUse> uses;
    private long readAt;

    PoolUse(BudgetStages budgets, String pool, Ticker ticker) {
      this.budgets = budgets;
      this.pool = pool;
      this.ticker = ticker;
    }

    synchronized BudgetUse of(String limit) {
      long now = ticker.nanoTime();
      if (uses == null || now - readAt >= FRESH_NANOS) {
        uses = budgets.current(pool);
        readAt = now;
      }
      return uses.stream().filter(use -> use.limitName().equals(limit)).findFirst().orElseThrow();
    }
  }
}
