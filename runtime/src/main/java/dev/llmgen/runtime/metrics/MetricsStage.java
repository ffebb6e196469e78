package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.cascade.CascadeExhaustedException;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelChain;
import dev.llmgen.runtime.resilience.CircuitOpenException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The outermost stage of one method: once a call is over, answered or failed, records it in the
 * method's meters and the cost ledger, and hands the answer on with its stage times.
 */
final class MetricsStage implements CallStage {

  private static final System.Logger LOG = System.getLogger(MetricsStage.class.getName());

  private final MethodMeters meters;
  private final CostLedger ledger;

  MetricsStage(MethodMeters meters, CostLedger ledger) {
    this.meters = meters;
    this.ledger = ledger;
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    CompletableFuture<LlmResult<T>> outcome;
    try {
      outcome = next.handle(call);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    return outcome.handle((result, failure) -> {
      // Timed last, so that every stage's time (a budget's settlement included) is part of the latency.
      Duration latency = Duration.ofNanos(call.nanoTime() - call.startNanos());
      StageTimings timings = call.timings();
      // Measuring must not change a call's outcome: a meter that fails is logged, and the call goes on.
      if (failure != null) {
        try {
          recordFailure(call, Failures.unwrap(failure), latency, timings);
        } catch (RuntimeException e) {
          notMeasured(e);
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
      }
      LlmResult<T> measured = result.measured(latency, timings);
      try {
        recordAnswer(call, measured);
      } catch (RuntimeException e) {
        notMeasured(e);
      }
      return measured;
    });
  }

  private void notMeasured(RuntimeException e) {
    LOG.log(Level.WARNING, meters.feature() + ": a call could not be measured", e);
  }

  private void recordAnswer(Call<?> call, LlmResult<?> result) {
    long latencyNanos = result.latency().toNanos();
    meters.stages(result.timings());
    meters.cacheLookup(result.fromCache());
    if (result.fromCache()) {
      meters.model(result.model()).servedFromCache(latencyNanos);
    } else {
      for (Attempt turn : result.attempts()) {
        meters.model(turn.model()).turn(turn);
      }
      meters.model(result.model()).answered(latencyNanos);
    }
    ledger.recordAnswer(meters.feature(), call.userId(), result);
  }

  /** A call cancelled by its caller (a stream's subscriber, an interrupted thread) is not an error. */
  private void recordFailure(Call<?> call, Throwable failure, Duration latency, StageTimings timings) {
    String model = failedModel(failure);
    List<Attempt> turns = turns(call, model, failure);
    meters.stages(timings);
    meters.cacheLookup(false);
    for (Attempt turn : turns) {
      meters.model(turn.model()).turn(turn);
    }
    meters.model(model).failed(latency.toNanos());
    if (!(failure instanceof CancellationException)) {
      meters.error(model, failure);
    }
    ledger.recordFailure(meters.feature(), call.userId(), model, turns);
  }

  /** The model a failure names, or the method's first one for failures about the call itself. */
  private String failedModel(Throwable failure) {
    String named = null;
    if (failure instanceof LlmProviderException provider) {
      named = provider.model();
    } else if (failure instanceof CircuitOpenException open) {
      named = open.model();
    } else if (failure instanceof LlmOutputException output) {
      named = output.model();
    }
    return named == null ? meters.firstModel().providerModel() : named;
  }

  /**
   * Each model's turn at a failed call: what it sent, and what it cost when an answer was paid for but
   * could not be decoded. A call that asked one model was its only turn.
   */
  private List<Attempt> turns(Call<?> call, String failedModel, Throwable failure) {
    if (failure instanceof CascadeExhaustedException exhausted) {
      return exhausted.attempts();
    }
    if (!call.failedTurns().isEmpty()) {
      return call.failedTurns();
    }
    return List.of(ModelChain.failedTurn(meters.binding(failedModel), call, failure));
  }
}
