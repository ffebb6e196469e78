package dev.llmgen.runtime;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A scheduler on a {@link FakeTicker}: tasks run only when {@link #advance} moves the ticker past them. */
public final class FakeScheduler implements Scheduler {

  private record Task(long dueNanos, long order, Runnable runnable) {}

  private final FakeTicker ticker;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::order));
  private long scheduled;

  public FakeScheduler(FakeTicker ticker) {
    this.ticker = ticker;
  }

  @Override
  public synchronized void schedule(Runnable task, Duration delay) {
    tasks.add(new Task(ticker.nanoTime() + Math.max(0, delay.toNanos()), scheduled++, task));
  }

  /**
   * Moves the ticker forward by {@code duration}, stopping at each task that falls due on the way (tasks
   * those tasks schedule included) to run it at its due time, in order of due time, then of scheduling.
   */
  public void advance(Duration duration) {
    long end = ticker.nanoTime() + duration.toNanos();
    for (Task task = nextDueBy(end); task != null; task = nextDueBy(end)) {
      moveTo(task.dueNanos());
      task.runnable().run();
    }
    moveTo(end);
  }

  /** Tasks waiting to fall due. */
  public synchronized int pending() {
    return tasks.size();
  }

  private synchronized Task nextDueBy(long end) {
    Task next = tasks.peek();
    return next != null && next.dueNanos() - end <= 0 ? tasks.poll() : null;
  }

  private void moveTo(long nanos) {
    long ahead = nanos - ticker.nanoTime();
    if (ahead > 0) {
      ticker.advance(Duration.ofNanos(ahead));
    }
  }
}
