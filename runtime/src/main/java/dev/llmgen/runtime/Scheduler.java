package dev.llmgen.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay, so that stages can wait without holding a thread; tests bind a fake one. */
@FunctionalInterface
public interface Scheduler {

  /** Runs {@code task} once, {@code delay} from now (at once if the delay is not positive). */
  void schedule(Runnable task, Duration delay);

  /**
   * A scheduler with one daemon thread of its own, {@code llmgen-scheduler}, started on first use. Make
   * one and share it (the runtime binds it as a singleton); its tasks must be short and never block.
   */
  static Scheduler system() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "llmgen-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
