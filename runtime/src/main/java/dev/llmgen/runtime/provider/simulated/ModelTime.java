package dev.llmgen.runtime.provider.simulated;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns the simulated model's time into real waits, multiplied by the latency scale, without a thread
 * sleeping: what is due at once runs on the calling thread, the rest on a delayed executor.
 */
final class ModelTime {

  private final double scale;

  ModelTime(double scale) {
    this.scale = scale;
  }

  /** Whether {@code modelTime} passes at once at this scale. */
  boolean isInstant(Duration modelTime) {
    return realNanos(modelTime) <= 0;
  }

  /** Runs {@code action} once {@code modelTime} has passed: on this thread if that is at once. */
  void after(Duration modelTime, Runnable action) {
    long nanos = realNanos(modelTime);
    if (nanos <= 0) {
      action.run();
    } else {
      CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(action);
    }
  }

  private long realNanos(Duration modelTime) {
    return (long) ((modelTime.getSeconds() * 1e9 + modelTime.getNano()) * scale);
  }
}
