package dev.llmgen.runtime;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The one pending wake-up of a queue of waiters that takes no thread (rate-limit and adaptive-limit
 * callers): the queue asks to be drained when its head can go, and a wake-up is scheduled on the
 * {@link Scheduler} only when none is pending at or before that time, however many waiters arrive.
 *
 * <p>Not thread-safe on its own: its owner asks for wake-ups while holding {@code lock}, the lock that
 * guards its queue, and the wake-up drains the queue under that lock, then completes the admitted
 * waiters outside it.
 */
public final class WaiterWakeUp {

  private final Scheduler scheduler;
  private final Ticker ticker;
  private final Object lock;
  private final LongFunction<List<Runnable>> drain;
  private boolean pending; // guarded by lock
  private long atNanos; // guarded by lock

  /**
   * @param lock what guards the queue; held by the owner when it calls {@link #wakeIn}
   * @param drain called under {@code lock} with the current time: admits what can go, asks for the
   *     next wake-up if waiters remain, and returns the completions to run once the lock is released
   */
  public WaiterWakeUp(Scheduler scheduler, Ticker ticker, Object lock, LongFunction<List<Runnable>> drain) {
    this.scheduler = scheduler;
    this.ticker = ticker;
    this.lock = lock;
    this.drain = drain;
  }

  /** Asks for a drain {@code waitNanos} after {@code now}; an earlier pending one will look again itself. */
  public void wakeIn(long now, long waitNanos) {
    long at = now + waitNanos;
    if (pending && atNanos - at <= 0) {
      return;
    }
    pending = true;
    atNanos = at;
    scheduler.schedule(() -> wake(at), Duration.ofNanos(waitNanos));
  }

  private void wake(long at) {
    List<Runnable> completions;
    synchronized (lock) {
      if (pending && atNanos == at) {
        pending = false;
      }
      completions = drain.apply(ticker.nanoTime());
    }
    completions.forEach(Runnable::run);
  }
}
