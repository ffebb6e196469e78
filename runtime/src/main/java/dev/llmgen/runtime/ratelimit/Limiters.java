package dev.llmgen.runtime.ratelimit;

import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limiters of one rate-limited method: one that all callers share or, with {@code perUser}, one per
 * user. A limiter with nothing left to remember is dropped, so users who have gone idle cost no memory.
 */
final class Limiters {

  private final String feature;
  private final RateLimitPolicy policy;
  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Map<LimitScope, SlidingWindowLimiter> byScope = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepNanos;

  Limiters(String feature, RateLimitPolicy policy, Ticker ticker, Scheduler scheduler) {
    this.feature = feature;
    this.policy = policy;
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.lastSweepNanos = new AtomicLong(ticker.nanoTime());
  }

  /** Asks the limiter of the caller's scope to admit a request; see {@link SlidingWindowLimiter#acquire}. */
  CompletableFuture<Duration> acquire(String userId, long tokens) {
    dropIdleLimiters();
    LimitScope scope = new LimitScope(feature, policy.perUser() ? userId : null);
    while (true) {
      SlidingWindowLimiter limiter =
          byScope.computeIfAbsent(scope, key -> new SlidingWindowLimiter(key, policy, ticker, scheduler));
      Optional<CompletableFuture<Duration>> admission = limiter.acquire(tokens);
      if (admission.isPresent()) {
        return admission.get();
      }
      // A sweep retired it but has not removed it yet; a new one starts from the same empty state.
      byScope.remove(scope, limiter);
    }
  }

  /** How many limiters are held now. */
  int size() {
    return byScope.size();
  }

  // A limiter goes idle a full window after its last admission at the earliest, so sweeping once a
  // window is enough, and keeps the cost of the sweep, which visits every user, off most calls.
  private void dropIdleLimiters() {
    long now = ticker.nanoTime();
    long last = lastSweepNanos.get();
    if (now - last >= SlidingWindowLimiter.WINDOW_NANOS && lastSweepNanos.compareAndSet(last, now)) {
      byScope.values().removeIf(SlidingWindowLimiter::retireIfIdle);
    }
  }
}
