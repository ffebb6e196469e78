package dev.llmgen.runtime.e2e;

import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's ticker, scheduler and clock in one, on a time that moves only when the runtime waits or
 * a test {@linkplain #advance advances} it. A task scheduled after a delay is recorded with its delay,
 * time jumps forward by that delay, and the task runs at once on the scheduler's own thread (as
 * {@link Scheduler#system()} runs it on its own): tests see every wait the runtime asked for without
 * spending it.
 */
final class ManualTime implements Ticker, Scheduler, AutoCloseable {

  private final Instant start;
  private final AtomicLong elapsedNanos = new AtomicLong();
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final ExecutorService schedulerThread = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "manual-time-scheduler");
    thread.setDaemon(true);
    return thread;
  });

  ManualTime(Instant start) {
    this.start = start;
  }

  @Override
  public long nanoTime() {
    return elapsedNanos.get();
  }

  @Override
  public void schedule(Runnable task, Duration delay) {
    delays.add(delay);
    advance(delay.isNegative() ? Duration.ZERO : delay);
    schedulerThread.execute(task);
  }

  /** Moves every kind of time forward at once. */
  void advance(Duration duration) {
    elapsedNanos.addAndGet(duration.toNanos());
  }

  /** Each delay the runtime asked the scheduler for, in order. */
  List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** A clock on this time, in UTC. */
  Clock clock() {
    return new View(ZoneOffset.UTC);
  }

  @Override
  public void close() {
    schedulerThread.shutdownNow();
  }

  private final class View extends Clock {

    private final ZoneId zone;

    View(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return start.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
      return new View(otherZone);
    }
  }
}
