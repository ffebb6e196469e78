package dev.llmgen.runtime.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the repeated calls of one {@code @Cached} method from memory. Identical calls in flight at
 * the same moment make one call down the chain and share its answer. Only answers that arrived and
 * decoded are stored; a failed call is shared with the callers waiting on it, then forgotten, so the
 * next identical call tries again. (Failures never enter Caffeine, which would log each one.)
 */
public final class CacheStage implements CallStage {

  private final CacheKeys keys;
  private final Cache<CacheKey, LlmResult<?>> answers;
  private final ConcurrentMap<CacheKey, CompletableFuture<LlmResult<?>>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder savedCostNanos = new LongAdder();

  public CacheStage(CachePolicy policy, CallSpec<?> spec, ModelBinding model, Ticker ticker) {
    this.keys = new CacheKeys(spec, model, policy.scope());
    this.answers = Caffeine.newBuilder()
        .expireAfterWrite(policy.ttl())
        .maximumSize(policy.maxEntries())
        .ticker(ticker::nanoTime)
        // Housekeeping (evicting) runs on the calling thread, at once and in order, instead of on the
        // common pool at some later moment.
        .executor(Runnable::run)
        .recordStats()
        .build();
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    long started = call.nanoTime();
    CacheKey key = keys.keyOf(call.prompt(), call.userId());
    LlmResult<?> stored = answers.getIfPresent(key);
    if (stored != null) {
      return CompletableFuture.completedFuture(served(call, stored, started));
    }
    CompletableFuture<LlmResult<?>> load = new CompletableFuture<>();
    CompletableFuture<LlmResult<?>> shared = inFlight.putIfAbsent(key, load);
    if (shared != null) {
      // Every caller gets a future of its own, so one that cancels does not cancel the shared answer.
      return shared.thenApply(original -> served(call, original, started));
    }
    stored = answers.getIfPresent(key); // a load may have finished between the two lookups
    if (stored != null) {
      inFlight.remove(key, load);
      load.complete(stored);
      return CompletableFuture.completedFuture(served(call, stored, started));
    }
    misses.increment();
    call.stageEnded(TimedStage.CACHE, started);
    CompletableFuture<LlmResult<T>> answered;
    try {
      answered = next.handle(call);
    } catch (RuntimeException e) { // a stage that throws must not leave the key in flight forever
      answered = CompletableFuture.failedFuture(e);
    }
    answered.whenComplete((answer, failure) -> {
      if (failure == null) {
        answers.put(key, answer); // stored before it stops being in flight: no moment holds neither
      }
      inFlight.remove(key, load);
      if (failure == null) {
        load.complete(answer);
      } else {
        load.completeExceptionally(failure);
      }
    });
    return load.thenApply(CacheStage::typed);
  }

  /** What the cache has done so far; expired answers are dropped first, so the size is current. */
  public CacheStatistics statistics() {
    answers.cleanUp();
    return new CacheStatistics(hits.sum(), misses.sum(), answers.stats().evictionCount(),
        answers.estimatedSize() + inFlight.size(), savedCostNanos.sum());
  }

  /**
   * A stored answer, served again: nothing was spent, and the latency is this call's own. The time
   * since {@code started}, waiting for an identical call in flight included, is the cache's.
   */
  private <T> LlmResult<T> served(Call<T> call, LlmResult<?> original, long started) {
    hits.increment();
    savedCostNanos.add(original.costNanos());
    LlmResult<T> answer = typed(original);
    Duration latency = Duration.ofNanos(call.stageEnded(TimedStage.CACHE, started) - call.startNanos());
    return new LlmResult<>(answer.value(), answer.model(), answer.provider(), 0, 0, 0, 0, latency, true, List.of(), StageTimings.NONE);
  }

  // A stage serves one method, so every answer it holds is of that method's type.
  @SuppressWarnings("unchecked")
  private static <T> LlmResult<T> typed(LlmResult<?> answer) {
    return (LlmResult<T>) answer;
  }
}
