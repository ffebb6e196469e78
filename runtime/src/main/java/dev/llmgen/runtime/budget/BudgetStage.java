package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.budget.BudgetLedger.Outcome;
import dev.llmgen.runtime.budget.BudgetLedger.Refusal;
import dev.llmgen.runtime.budget.BudgetLedger.Reservation;
import dev.llmgen.runtime.budget.BudgetLedger.WindowLimit;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelBinding;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holds one method to its {@code @Budget}. Before the call goes on, its worst case (its input tokens,
 * counted exactly, and {@code maxTokens} of output) is checked against the per-request limit and
 * reserved in every window of its pool: the user's day and month (when the call has a user, or the
 * method has per-user limits) and the application's day and month. Spending is counted in every window
 * even where this method sets no limit, because the methods of a pool share it. When the call ends,
 * the reservation is settled to what the provider billed:
 * <ul>
 *   <li>an answer: its cost;
 *   <li>an answer that could not be decoded ({@link LlmOutputException}): its cost, as it was paid for;
 *   <li>a timeout: the worst case, as the provider may have billed an answer that came too late;
 *   <li>any other failure: nothing, as providers do not bill requests they refuse or never receive.
 * </ul>
 */
public final class BudgetStage implements CallStage {

  /** The user of calls without a {@code @UserId} to methods with per-user limits. */
  public static final String ANONYMOUS = "(anonymous)";

  private static final System.Logger LOG = System.getLogger(BudgetStage.class.getName());

  private final BudgetPolicy policy;
  private final ModelBinding model;
  private final BudgetLedger ledger;
  private final Clock clock;
  private final BudgetAlerts alerts;

  /** @param clock its zone decides when days and months begin */
  public BudgetStage(
      BudgetPolicy policy, ModelBinding model, BudgetLedger ledger, Clock clock, Collection<BudgetListener> listeners) {
    this.policy = policy;
    this.model = model;
    this.ledger = ledger;
    this.clock = clock;
    this.alerts = new BudgetAlerts(ledger, policy.alertAt(), listeners);
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    long started = call.nanoTime();
    List<WindowLimit> limits = limitsFor(call.userId());
    Reservation reservation;
    try {
      reservation = reserve(call, limits);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      call.stageEnded(TimedStage.BUDGET, started);
    }
    CompletableFuture<LlmResult<T>> answer;
    try {
      answer = next.handle(call);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.whenComplete((result, failure) -> {
      long settling = call.nanoTime();
      settle(call, reservation, limits, billed(result, failure, reservation));
      call.stageEnded(TimedStage.BUDGET, settling);
    });
  }

  private List<WindowLimit> limitsFor(String userId) {
    String user = userId == null && policy.hasUserLimits() ? ANONYMOUS : userId;
    LocalDate today = LocalDate.now(clock);
    List<WindowLimit> limits = new ArrayList<>(BudgetLimit.values().length);
    for (BudgetLimit limit : BudgetLimit.values()) {
      if (user != null || !limit.perUser()) {
        limits.add(new WindowLimit(limit.window(policy.pool(), user, today), limit.in(policy)));
      }
    }
    return limits;
  }

  /** @throws BudgetExceededException if the call's worst case does not fit */
  private Reservation reserve(Call<?> call, List<WindowLimit> limits) {
    long worstCase = model.worstCaseCostNanos(call.inputTokens(model), call.spec().maxTokens());
    if (worstCase > policy.perRequestNanos()) {
      throw BudgetExceededException.perRequest(
          call.spec().feature(), policy.pool(), policy.perRequestNanos(), worstCase);
    }
    Outcome outcome = ledger.reserve(worstCase, limits);
    if (outcome instanceof Refusal refusal) {
      throw BudgetExceededException.inWindow(
          call.spec().feature(), refusal.limit().window(), refusal.limit().limitNanos(), refusal.totals(), worstCase);
    }
    return (Reservation) outcome;
  }

  private static long billed(LlmResult<?> result, Throwable failure, Reservation reservation) {
    if (failure == null) {
      return result.costNanos();
    }
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof LlmOutputException paidFor) {
      return paidFor.costNanos();
    }
    // The request reached the provider, which may have billed the answer it could not deliver in time.
    return cause instanceof LlmTimeoutException ? reservation.amountNanos() : 0;
  }

  private void settle(Call<?> call, Reservation reservation, List<WindowLimit> limits, long actualNanos) {
    // The answer is already paid for; a ledger that cannot record it must not take the answer away.
    try {
      ledger.settle(reservation, actualNanos);
      alerts.check(limits);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, call.spec().feature() + ": cannot settle the budget reservation " + reservation.id()
          + " to " + Dollars.format(actualNanos), e);
    }
  }
}
