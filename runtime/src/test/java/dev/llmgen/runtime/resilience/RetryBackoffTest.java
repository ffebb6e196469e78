package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.ScriptedProvider.status;
import static dev.llmgen.runtime.resilience.ResilientCalls.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmTimeoutException;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private static final Duration HALF_SECOND = Duration.ofMillis(500);
  private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void waitsDoubleAfterEachFailureUpToTheCap() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(10, HALF_SECOND, THIRTY_SECONDS, 0, MINUTE), () -> 0.3);

    List<Long> waits = IntStream.rangeClosed(1, 9).mapToObj(failed -> backoff.waitMillis(failed, Optional.empty()))
        .toList();

    assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L), waits);
  }

  @Test
  void theCapHoldsHoweverManyRequestsFailed() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(10, HALF_SECOND, THIRTY_SECONDS, 0, MINUTE), () -> 0.3);

    assertEquals(30_000L, backoff.waitMillis(Integer.MAX_VALUE, Optional.empty()));
  }

  @Test
  void jitterScattersAWaitBetweenHalfAndOneAndAHalfTimesItsValue() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), THIRTY_SECONDS, 0.5, MINUTE);

    assertEquals(1_000L, new RetryBackoff(policy, () -> 0).waitMillis(1, Optional.empty()));
    assertEquals(2_000L, new RetryBackoff(policy, () -> 0.5).waitMillis(1, Optional.empty()));
    assertEquals(3_000L, new RetryBackoff(policy, () -> Math.nextDown(1.0)).waitMillis(1, Optional.empty()));
    assertEquals(2_000L, new RetryBackoff(policy, () -> 0).waitMillis(2, Optional.empty()));
  }

  @Test
  void jitterNeverTakesAWaitAboveTheCap() {
    RetryPolicy policy = new RetryPolicy(10, HALF_SECOND, THIRTY_SECONDS, 0.5, MINUTE);

    assertEquals(30_000L, new RetryBackoff(policy, () -> 0.9).waitMillis(8, Optional.empty()));
    assertEquals(15_000L, new RetryBackoff(policy, () -> 0).waitMillis(8, Optional.empty()));
  }

  @Test
  void everyWaitStaysWithinItsJitterBounds() {
    RetryPolicy policy = new RetryPolicy(10, HALF_SECOND, THIRTY_SECONDS, 0.5, MINUTE);
    double[] draws = {0, 0.1, 0.25, 0.5, 0.75, 0.9, Math.nextDown(1.0)};

    for (double draw : draws) {
      RetryBackoff backoff = new RetryBackoff(policy, () -> draw);
      for (int failed = 1; failed <= 9; failed++) {
        long exponential = Math.min(500L << (failed - 1), 30_000L);
        long wait = backoff.waitMillis(failed, Optional.empty());
        assertTrue(wait >= exponential / 2 && wait <= Math.min(exponential * 3 / 2, 30_000L),
            "wait " + wait + " after " + failed + " failures, drawing " + draw);
      }
    }
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsWaitedInFull() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(3, HALF_SECOND, THIRTY_SECONDS, 0.5, MINUTE), () -> 0);

    assertEquals(7_000L, backoff.waitMillis(1, Optional.of(Duration.ofSeconds(7))));
    // Above maxBackoff, but within maxRetryAfter: the provider knows best.
    assertEquals(45_000L, backoff.waitMillis(1, Optional.of(Duration.ofSeconds(45))));
    assertEquals(60_000L, backoff.waitMillis(1, Optional.of(MINUTE)));
  }

  @Test
  void aRetryAfterShorterThanTheBackoffDoesNotShortenIt() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(3, HALF_SECOND, THIRTY_SECONDS, 0, MINUTE), () -> 0);

    assertEquals(1_000L, backoff.waitMillis(2, Optional.of(Duration.ofMillis(100))));
  }

  @Test
  void aRetryAfterIsRoundedUpToTheMillisecond() {
    RetryBackoff backoff =
        new RetryBackoff(new RetryPolicy(3, Duration.ofMillis(1), THIRTY_SECONDS, 0, MINUTE), () -> 0);

    assertEquals(3L, backoff.waitMillis(1, Optional.of(Duration.ofNanos(2_000_001))));
  }

  @Test
  void aRetryAfterBeyondTheLongestHonouredGivesUp() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(3, HALF_SECOND, THIRTY_SECONDS, 0.5, MINUTE), () -> 0);

    assertEquals(RetryBackoff.GIVE_UP, backoff.waitMillis(1, Optional.of(MINUTE.plusMillis(1))));
  }

  @Test
  void theRetryAfterIsReadFromTheProvidersFailure() {
    RetryBackoff backoff = new RetryBackoff(new RetryPolicy(3, HALF_SECOND, THIRTY_SECONDS, 0, MINUTE), () -> 0);

    assertEquals(5_000L, backoff.apply(1, Either.left(status(429, Duration.ofSeconds(5)))));
    assertEquals(500L, backoff.apply(1, Either.left(status(503))));
    assertEquals(500L, backoff.apply(1, Either.left(new LlmTimeoutException("fake", "gpt-test", MINUTE, null))));
    assertEquals(RetryBackoff.GIVE_UP, backoff.apply(1, Either.left(status(429, Duration.ofMinutes(5)))));
  }
}
