package dev.llmgen.runtime.provider.http;

import static dev.llmgen.runtime.provider.http.FakeHttpServer.WAIT_SECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExchangeDeadlineTest {

  private final CompletableFuture<String> answer = new CompletableFuture<>();
  private final CompletableFuture<Void> aborted = new CompletableFuture<>();
  private final AtomicInteger timeouts = new AtomicInteger();

  @Test
  void failsTheAnswerOnceTheTimeIsUpAndAbortsTheExchange() throws Exception {
    bind(Duration.ofMillis(50));

    ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(WAIT_SECONDS, SECONDS));

    IllegalStateException timedOut = assertInstanceOf(IllegalStateException.class, failed.getCause());
    assertInstanceOf(TimeoutException.class, timedOut.getCause(), "made from the timer's own exception");
    aborted.get(WAIT_SECONDS, SECONDS);
  }

  @Test
  void anAnswerInTimeIsKeptAndAbortsTheExchange() throws Exception {
    bind(Duration.ofMinutes(1));

    answer.complete("in time");

    assertEquals("in time", answer.get());
    assertTrue(aborted.isDone(), "aborting an exchange that has ended does nothing");
    assertEquals(0, timeouts.get());
  }

  @Test
  void aCallerThatCancelsTheAnswerAbortsTheExchange() {
    bind(Duration.ofMinutes(1));

    answer.cancel(true);

    assertTrue(aborted.isDone());
  }

  private void bind(Duration timeout) {
    ExchangeDeadline.bind(answer, timeout, expired -> {
      timeouts.incrementAndGet();
      return new IllegalStateException(expired);
    }, () -> aborted.complete(null));
  }
}
