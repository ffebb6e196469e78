package dev.llmgen.runtime.provider.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Ties an answer to its HTTP exchange. {@link java.net.http.HttpRequest#timeout} only bounds the wait
 * for the response headers, so a server that sends them and then stalls the body (or a stream that
 * stops mid-answer) would hold the caller forever; the deadline here covers the whole exchange. However
 * the answer is settled (the deadline, an error event, a cancelled stream, a caller that cancels it),
 * the exchange is aborted rather than left reading; aborting one that has ended does nothing.
 */
final class ExchangeDeadline {

  private ExchangeDeadline() {}

  /**
   * @param answer the future the caller holds
   * @param timeout how long the whole exchange may take
   * @param timedOut the exception {@code answer} fails with when the time is up, from the timer's own
   * @param abort stops the exchange
   */
  static <T> void bind(
      CompletableFuture<T> answer, Duration timeout, Function<TimeoutException, ? extends RuntimeException> timedOut,
      Runnable abort) {
    CompletableFuture<Void> deadline = new CompletableFuture<Void>().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    deadline.whenComplete((ignored, expired) -> {
      if (expired instanceof TimeoutException timeoutException) {
        // Off the JDK's single timer thread, which the answer's dependents must not hold up.
        CompletableFuture.runAsync(() -> answer.completeExceptionally(timedOut.apply(timeoutException)));
      }
    });
    answer.whenComplete((result, failure) -> {
      deadline.complete(null); // stops the timer
      abort.run();
    });
  }
}
