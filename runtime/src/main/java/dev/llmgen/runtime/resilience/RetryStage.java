package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Sends one method's request to one model again when it failed for a reason that may pass
 * ({@link TransientFailures}), as the method's {@link RetryPolicy} says. Resilience4j's {@link Retry}
 * counts the attempts and, through its asynchronous context, says whether to retry and after how long
 * ({@link RetryBackoff}); the wait itself is left to the runtime's {@link Scheduler}, so that no thread
 * is held while a call waits and tests can move time themselves. A streamed answer whose text has begun
 * to reach its consumer is never sent again: the consumer would read it twice.
 */
public final class RetryStage implements CallStage {

  private final String feature;
  private final String model;
  private final Retry retry;
  private final Scheduler scheduler;
  private final ResilienceListener listener;
  private final LongAdder retries;

  /**
   * @param random uniform in [0, 1), for the jitter of the waits
   * @param retries counts the retries made, for reports
   */
  RetryStage(
      String feature, String model, RetryPolicy policy, DoubleSupplier random, Scheduler scheduler,
      ResilienceListener listener, LongAdder retries) {
    this.feature = feature;
    this.model = model;
    this.retry = Retry.of(feature + " on " + model, RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(TransientFailures::isTransient)
        .intervalBiFunction(new RetryBackoff(policy, random))
        .build());
    this.scheduler = scheduler;
    this.listener = listener;
    this.retries = retries;
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    CompletableFuture<LlmResult<T>> result = new CompletableFuture<>();
    attempt(call, next, retry.asyncContext(), 1, result);
    return result;
  }

  private <T> void attempt(
      Call<T> call, CallHandler<T> next, Retry.AsyncContext<LlmResult<T>> context, int attempt,
      CompletableFuture<LlmResult<T>> result) {
    send(call, next).whenComplete((answer, failure) -> {
      try {
        decide(call, next, context, attempt, result, answer, failure);
      } catch (Throwable unexpected) { // a failing listener or scheduler must not leave the caller waiting forever
        result.completeExceptionally(unexpected);
      }
    });
  }

  private <T> void decide(
      Call<T> call, CallHandler<T> next, Retry.AsyncContext<LlmResult<T>> context, int attempt,
      CompletableFuture<LlmResult<T>> result, LlmResult<T> answer, Throwable failure) {
    if (failure == null) {
      context.onComplete();
      result.complete(answer);
      return;
    }
    Throwable cause = Failures.unwrap(failure);
    long waitMillis = call.streamStarted() ? RetryBackoff.GIVE_UP : context.onError(cause);
    if (waitMillis < 0) {
      result.completeExceptionally(cause);
      return;
    }
    Duration wait = Duration.ofMillis(waitMillis);
    retries.increment();
    listener.onRetry(feature, model, attempt, wait, cause);
    scheduler.schedule(() -> attempt(call, next, context, attempt + 1, result), wait);
  }

  private static <T> CompletableFuture<LlmResult<T>> send(Call<T> call, CallHandler<T> next) {
    try {
      return next.handle(call);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
