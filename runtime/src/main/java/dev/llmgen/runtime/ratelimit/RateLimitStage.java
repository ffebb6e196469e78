package dev.llmgen.runtime.ratelimit;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holds each call of a {@code @RateLimited} method, without a thread, until its limits admit it. One per
 * method, shared by the turns of all its models (fallbacks, cascade steps): they draw on one limit, each
 * counting its tokens with its own model's tokenizer ({@link #forModel}).
 */
public final class RateLimitStage {

  private final Limiters limiters;
  private final LongAdder admitted = new LongAdder();
  private final LongAdder waited = new LongAdder();
  private final LongAdder waitNanos = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  RateLimitStage(Limiters limiters) {
    this.limiters = limiters;
  }

  /** The stage in front of one model's provider call. */
  CallStage forModel(ModelBinding model) {
    return new CallStage() {
      @Override
      public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
        // Providers count a request against their limits with all the output it may write.
        long tokens = (long) call.inputTokens(model) + call.spec().maxTokens();
        long started = call.nanoTime();
        return limiters.acquire(call.userId(), tokens)
            .whenComplete((wait, refusal) -> {
              call.stageEnded(TimedStage.RATE_LIMIT_WAIT, started);
              record(wait, refusal);
            })
            .thenCompose(wait -> next.handle(call));
      }
    };
  }

  RateLimitStatistics statistics() {
    return new RateLimitStatistics(admitted.sum(), waited.sum(), Duration.ofNanos(waitNanos.sum()), rejected.sum());
  }

  /** How many limiters the stage holds now: one per user with recent calls, or the shared one. */
  int limiterCount() {
    return limiters.size();
  }

  private void record(Duration wait, Throwable refusal) {
    if (refusal != null) {
      rejected.increment();
      return;
    }
    admitted.increment();
    if (!wait.isZero()) {
      waited.increment();
      waitNanos.add(wait.toNanos());
    }
  }
}
