package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelBinding;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/** The outermost stage: records every call's outcome in {@link CallStatistics}. */
@Singleton
public final class StatisticsStage {

  private final CallStatistics statistics;
  private final Ticker ticker;

  @Inject
  public StatisticsStage(CallStatistics statistics, Ticker ticker) {
    this.statistics = statistics;
    this.ticker = ticker;
  }

  /**
   * The stage of one method whose first model is {@code model}: a failure that names no model of its own
   * (a refused budget, say) is counted under it, as the provider knows it.
   */
  public CallStage forMethod(ModelBinding model) {
    return new CallStage() {
      @Override
      public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
        return next.handle(call).whenComplete((result, failure) -> {
          if (failure == null) {
            statistics.recordAnswer(call, result);
          } else {
            statistics.recordFailure(
                call, Failures.unwrap(failure), model.providerModel(), ticker.nanoTime() - call.startNanos());
          }
        });
      }
    };
  }

}
