package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.CallSpec;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Measures every call: gives each method its outermost stage, which records the call's latency,
 * stage times, tokens, cost, cache use, retries and failures in the {@link MeterRegistry} and charges
 * it to the {@link CostLedger}; and registers the gauges of the models and budgets the method uses
 * (circuit states, budget spending), read only when the registry is.
 */
@Singleton
public final class CallMetrics {

  private static final double NANOS_PER_USD = 1e9;

  private final MeterRegistry registry;
  private final CostLedger ledger;
  private final CircuitBreakers circuits;
  private final BudgetStages budgets;
  private final ConcurrentMap<String, MethodMeters.StageTotals[]> stageTotals = new ConcurrentHashMap<>();

  @Inject
  public CallMetrics(MeterRegistry registry, CostLedger ledger, CircuitBreakers circuits, BudgetStages budgets) {
    this.registry = registry;
    this.ledger = ledger;
    this.circuits = circuits;
    this.budgets = budgets;
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
    for (CircuitState state : CircuitState.values()) {
      Gauge.builder(MeterNames.CIRCUIT, circuits, breakers -> breakers.states().get(model) == state ? 1 : 0)
          .description("1 for the state the model's circuit breaker is in")
          .tag(MeterNames.MODEL, model)
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /**
   * What each limit's current window of {@code pool} has spent (for per-user limits, the user who spent
   * the most), and the limit itself where one is set.
   */
  private void registerBudgetGauges(String pool) {
    for (BudgetUse use : budgets.current(pool)) {
      String limit = use.limitName();
      Gauge.builder(MeterNames.BUDGET_SPENT, budgets, stages -> spentUsd(stages, pool, limit))
          .description("Spent in the current day or month; for per-user limits, by the user who spent most")
          .baseUnit("usd").tag("pool", pool).tag("limit", limit)
          .register(registry);
      if (use.hasLimit()) {
        Gauge.builder(MeterNames.BUDGET_LIMIT, budgets, stages -> limitUsd(stages, pool, limit))
            .description("The strictest limit the pool's methods set").baseUnit("usd")
            .tag("pool", pool).tag("limit", limit)
            .register(registry);
      }
    }
  }

  private static double spentUsd(BudgetStages stages, String pool, String limit) {
    return currentUse(stages, pool, limit).spentNanos() / NANOS_PER_USD;
  }

  private static double limitUsd(BudgetStages stages, String pool, String limit) {
    BudgetUse use = currentUse(stages, pool, limit);
    return use.hasLimit() ? use.limitNanos() / NANOS_PER_USD : Double.NaN;
  }

  private static BudgetUse currentUse(BudgetStages stages, String pool, String limit) {
    return stages.current(pool).stream().filter(use -> use.limitName().equals(limit)).findFirst().orElseThrow();
  }
}
