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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * Where each limit of {@code pool} stands today and this month, one use per limit in the order
   * per-user daily, per-user monthly, per-app daily, per-app monthly: for a per-user limit, the window of
   * the user who spent the most. A window nothing was spent in yet reads as nothing spent.
   */
  public List<BudgetUse> current(String pool) {
    LocalDate today = LocalDate.now(clock);
    Map<BudgetWindow, Totals> windows = policies.isEmpty() ? Map.of() : ledger.get().windows();
    List<BudgetUse> current = new ArrayList<>();
    for (BudgetLimit limit : BudgetLimit.values()) {
      BudgetWindow period = limit.window(pool, null, today);
      current.add(windows.entrySet().stream()
          .filter(entry -> entry.getKey().pool().equals(pool) && entry.getKey().perUser() == limit.perUser()
              && entry.getKey().span() == period.span() && entry.getKey().start().equals(period.start()))
          .max(Comparator.comparingLong(entry -> entry.getValue().spentNanos()))
          .map(this::use)
          .orElseGet(() -> new BudgetUse(period, limit.annotationName(), 0, 0, strictest(limit, pool))));
    }
    return current;
  }

  private BudgetUse use(Map.Entry<BudgetWindow, Totals> entry) {
    BudgetWindow window = entry.getKey();
    BudgetLimit limit = BudgetLimit.of(window);
    return new BudgetUse(window, limit.annotationName(), entry.getValue().spentNanos(),
        entry.getValue().reservedNanos(), strictest(limit, window.pool()));
  }

  private long strictest(BudgetLimit limit, String pool) {
    return policies.stream()
        .filter(policy -> policy.pool().equals(pool))
        .mapToLong(limit::in)
        .min()
        .orElse(BudgetPolicy.NO_LIMIT);
  }
}
