package dev.llmgen.runtime.ratelimit;

import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.WaiterWakeUp;
import dev.llmgen.runtime.ratelimit.RateLimitedException.Limit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * The limits of one scope: admits a request only if, counting the admissions of the last minute, neither
 * the requests nor the tokens then exceed their limit, so that no 60-second window, whatever its start,
 * holds more. Callers that do not fit wait, without a thread, in one first-come-first-served queue.
 */
final class SlidingWindowLimiter {

  static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

  private final LimitScope scope;
  private final RateLimitPolicy policy;
  private final long maxWaitNanos;
  private final Ticker ticker;
  private final WaiterWakeUp wakeUp;

  // Guarded by this.
  private final ArrayDeque<Admission> log = new ArrayDeque<>();
  private long tokensInLog;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private boolean retired;

  private record Admission(long atNanos, long tokens) {}

  private record Waiter(long tokens, long sinceNanos, CompletableFuture<Duration> admitted) {}

  /** How long until a request fits, counting only the admissions made so far, and the limit it waits for. */
  private record Fit(long waitNanos, Limit limit) {}

  SlidingWindowLimiter(LimitScope scope, RateLimitPolicy policy, Ticker ticker, Scheduler scheduler) {
    this.scope = scope;
    this.policy = policy;
    this.maxWaitNanos = saturatedNanos(policy.maxWait());
    this.ticker = ticker;
    this.wakeUp = new WaiterWakeUp(scheduler, ticker, this, this::drain);
  }

  /**
   * Asks to send a request of {@code tokens}. The future completes, with how long the caller waited, when
   * the request is admitted, or fails with {@link RateLimitedException}. Empty when this limiter was
   * retired and the caller must ask a new one.
   */
  Optional<CompletableFuture<Duration>> acquire(long tokens) {
    if (tokens > policy.tokensPerMinute()) {
      return Optional.of(CompletableFuture.failedFuture(
          RateLimitedException.tooLarge(scope, tokens, policy.tokensPerMinute())));
    }
    CompletableFuture<Duration> admitted = new CompletableFuture<>();
    List<Runnable> completions;
    synchronized (this) {
      if (retired) {
        return Optional.empty();
      }
      long now = ticker.nanoTime();
      waiters.addLast(new Waiter(tokens, now, admitted));
      completions = drain(now);
    }
    completions.forEach(Runnable::run);
    return Optional.of(admitted);
  }

  /** Retires this limiter if it has nothing left to remember: no admission in the window and no waiter. */
  synchronized boolean retireIfIdle() {
    forgetExpired(ticker.nanoTime());
    retired = log.isEmpty() && waiters.isEmpty();
    return retired;
  }

  /**
   * Decides the waiters at the head of the queue and returns their completions, to run outside the lock.
   *
   * <p>Only the head can be admitted, so while it waits the log only shrinks and its fit time is exact: it
   * is refused as soon as that lies beyond its maxWait. All waiters share one maxWait, so each one behind
   * becomes head before its own deadline and is decided in time.
   */
  private List<Runnable> drain(long now) {
    forgetExpired(now);
    List<Runnable> completions = new ArrayList<>();
    for (Waiter head = waiters.peekFirst(); head != null; head = waiters.peekFirst()) {
      Fit fit = fit(head.tokens(), now);
      boolean inTime = now - head.sinceNanos() + fit.waitNanos() <= maxWaitNanos;
      if (fit.waitNanos() > 0 && inTime) {
        wakeUp.wakeIn(now, fit.waitNanos());
        break;
      }
      waiters.removeFirst();
      completions.add(fit.waitNanos() == 0 ? admit(head, now) : refuse(head, fit));
    }
    return completions;
  }

  private Runnable admit(Waiter waiter, long now) {
    log.addLast(new Admission(now, waiter.tokens()));
    tokensInLog += waiter.tokens();
    Duration waited = Duration.ofNanos(now - waiter.sinceNanos());
    return () -> waiter.admitted().complete(waited);
  }

  private Runnable refuse(Waiter waiter, Fit fit) {
    RateLimitedException refusal =
        RateLimitedException.limitReached(scope, fit.limit(), policy, Duration.ofNanos(fit.waitNanos()));
    return () -> waiter.admitted().completeExceptionally(refusal);
  }

  private void forgetExpired(long now) {
    while (!log.isEmpty() && now - log.peekFirst().atNanos() >= WINDOW_NANOS) {
      tokensInLog -= log.removeFirst().tokens();
    }
  }

  private Fit fit(long tokens, long now) {
    long requestsWait = waitToFree(log.size() + 1 - policy.requestsPerMinute(), admission -> 1, now);
    long tokensWait = waitToFree(tokens - (policy.tokensPerMinute() - tokensInLog), Admission::tokens, now);
    return tokensWait > requestsWait
        ? new Fit(tokensWait, Limit.TOKENS_PER_MINUTE)
        : new Fit(requestsWait, Limit.REQUESTS_PER_MINUTE);
  }

  /** How long until the oldest admissions holding {@code excess} units of one limit have left the window. */
  private long waitToFree(long excess, ToLongFunction<Admission> units, long now) {
    long wait = 0;
    Iterator<Admission> oldestFirst = log.iterator();
    while (excess > 0) {
      Admission oldest = oldestFirst.next();
      excess -= units.applyAsLong(oldest);
      wait = oldest.atNanos() + WINDOW_NANOS - now;
    }
    return wait;
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
