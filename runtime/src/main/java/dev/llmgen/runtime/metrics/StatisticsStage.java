package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/** The outermost stage: records every call's outcome in {@link CallStatistics}. */
@Singleton
public final class StatisticsStage implements CallStage {

  private final CallStatistics statistics;
  private final Ticker ticker;

  @Inject
  public StatisticsStage(CallStatistics statistics, Ticker ticker) {
    this.statistics = statistics;
    this.ticker = ticker;
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    return next.handle(call).whenComplete((result, failure) -> {
      if (failure == null) {
        statistics.recordAnswer(call, result);
      } else {
        statistics.recordFailure(call, Failures.unwrap(failure), ticker.nanoTime() - call.startNanos());
      }
    });
  }

}
