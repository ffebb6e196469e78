package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.StageFactory;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each method with a {@code @Budget} its {@link BudgetStage}, all sharing one ledger, and reports
 * what they spent. The ledger is opened when the first budgeted method is bound, so an application
 * without budgets never touches the disk for one.
 */
@Singleton
public final class BudgetStages implements StageFactory {

  private final Provider<BudgetLedger> ledger;
  private final Clock clock;
  private final List<BudgetListener> listeners;
  private final Set<BudgetPolicy> policies = ConcurrentHashMap.newKeySet();

  /** @param clock its zone decides when days and months begin */
  @Inject
  public BudgetStages(Provider<BudgetLedger> ledger, Clock clock, Set<BudgetListener> listeners) {
    this.ledger = ledger;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model) {
    return spec.budget().map(policy -> {
      policies.add(policy);
      return new BudgetStage(policy, model, ledger.get(), clock, listeners);
    });
  }

  /** Every window the ledger holds, in order of pool, user, span and date, with its limit. */
  public List<BudgetUse> usage() {
    if (policies.isEmpty()) {
      return List.of();
    }
    return ledger.get().windows().entrySet().stream().map(this::use).toList();
  }

  private BudgetUse use(Map.Entry<BudgetWindow, Totals> entry) {
    BudgetWindow window = entry.getKey();
    BudgetLimit limit = BudgetLimit.of(window);
    long strictest = policies.stream()
        .filter(policy -> policy.pool().equals(window.pool()))
        .mapToLong(limit::in)
        .min()
        .orElse(BudgetPolicy.NO_LIMIT);
    return new BudgetUse(window, limit.annotationName(), entry.getValue().spentNanos(),
        entry.getValue().reservedNanos(), strictest);
  }
}
