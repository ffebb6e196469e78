package dev.llmgen.runtime.ratelimit;

import static dev.llmgen.runtime.ratelimit.RateLimitPolicy.NO_LIMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.ratelimit.RateLimitedMethod.Admission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads call at once, in rounds; between rounds, and only then, the fake clock moves, so each
 * admission is recorded at the time it was made. No 60-second window of the admissions may then hold more
 * requests or tokens than the limits, the fullest must reach them (or the limits were never tested), and
 * every caller must have been admitted.
 */
class RateLimitConcurrencyTest {

  private static final int THREADS = 16;
  private static final Duration STEP = Duration.ofSeconds(1);

  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
  private final CyclicBarrier barrier = new CyclicBarrier(THREADS + 1);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void sixteenThreadsNeverExceedTheLimitsInAnyWindow() throws Exception {
    RateLimitPolicy policy = new RateLimitPolicy(100, 9_000, false, Duration.ofMinutes(20));
    RateLimitedMethod method = new RateLimitedMethod(policy);

    // 50 calls a thread, of 64 to 104 tokens, in bursts 13 s apart: the queue fills and empties, calls are
    // admitted at all times of the minute, and now one limit holds them back, now the other.
    int[] burst = {3, 0, 2, 0, 1, 4, 0, 0};
    String longestPrompt = "word ".repeat(39);
    List<CompletableFuture<LlmResult<String>>> calls = callInRounds(
        method, 40, Duration.ofSeconds(13), round -> burst[round % burst.length],
        (thread, i) -> longestPrompt.substring(0, 5 * ((thread + i) % 40)), thread -> null);
    advanceUntilDone(method, calls);

    assertEquals(THREADS * 50, method.admissions().size());
    Window fullest = fullestWindow(method.admissions());
    long tokenLimit = policy.tokensPerMinute();
    assertTrue(fullest.requests() <= policy.requestsPerMinute() && fullest.tokens() <= tokenLimit,
        "the fullest minute holds " + fullest);
    assertEquals(policy.requestsPerMinute(), fullest.requests());
    assertTrue(fullest.tokens() > tokenLimit - RateLimitedMethod.tokens(longestPrompt), "at most " + fullest);
    RateLimitStatistics statistics = method.statistics();
    assertEquals(calls.size(), statistics.admitted());
    assertEquals(0, statistics.rejected());
    assertTrue(statistics.waited() > 0, "some callers should have waited: " + statistics);
    assertTrue(statistics.waited() < calls.size(), "some callers should have been admitted at once: " + statistics);
  }

  @Test
  void perUserLimitsHoldWhileIdleUsersAreDroppedUnderLoad() throws Exception {
    RateLimitPolicy policy = new RateLimitPolicy(5, NO_LIMIT, true, Duration.ofMinutes(5));
    RateLimitedMethod method = new RateLimitedMethod(policy);

    // Rounds four minutes apart: each round's first calls find every limiter idle and sweep them away
    // while the other threads are calling.
    List<CompletableFuture<LlmResult<String>>> calls = callInRounds(
        method, 5, Duration.ofMinutes(4), round -> 3, (thread, i) -> "hello", thread -> "user-" + thread % 4);
    advanceUntilDone(method, calls);

    Map<String, List<Admission>> byUser =
        method.admissions().stream().collect(Collectors.groupingBy(Admission::userId));
    assertEquals(4, byUser.size());
    byUser.values().forEach(admissions -> assertEquals(5, fullestWindow(admissions).requests()));
    assertEquals(calls.size(), method.admissions().size());
  }

  /** A prompt for the {@code i}th call of a thread. */
  private interface Prompts {
    String prompt(int thread, int i);
  }

  /**
   * Each thread makes {@code callsInRound} calls in each round, for the user {@code users} names (null
   * for none); after each round the clock moves {@code betweenRounds} while no thread calls.
   */
  private List<CompletableFuture<LlmResult<String>>> callInRounds(
      RateLimitedMethod method, int rounds, Duration betweenRounds, IntUnaryOperator callsInRound, Prompts prompts,
      IntFunction<String> users) throws Exception {
    List<Future<List<CompletableFuture<LlmResult<String>>>>> threadCalls = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threadCalls.add(threads.submit(() -> {
        List<CompletableFuture<LlmResult<String>>> calls = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          for (int i = 0; i < callsInRound.applyAsInt(round); i++) {
            calls.add(callSafely(() -> method.call(prompts.prompt(thread, calls.size()), users.apply(thread))));
          }
          barrier.await(); // all have called
          barrier.await(); // the clock has moved
        }
        return calls;
      }));
    }
    for (int round = 0; round < rounds; round++) {
      barrier.await();
      advanceInSteps(method, betweenRounds);
      barrier.await();
    }
    List<CompletableFuture<LlmResult<String>>> calls = new ArrayList<>();
    for (Future<List<CompletableFuture<LlmResult<String>>>> thread : threadCalls) {
      calls.addAll(thread.get());
    }
    return calls;
  }

  // A call that throws, rather than returning a future, counts as a failed call, so that its thread stays
  // in step with the others instead of leaving them waiting at the barrier.
  private static CompletableFuture<LlmResult<String>> callSafely(
      Supplier<CompletableFuture<LlmResult<String>>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void advanceInSteps(RateLimitedMethod method, Duration duration) {
    for (Duration moved = Duration.ZERO; moved.compareTo(duration) < 0; moved = moved.plus(STEP)) {
      method.advance(STEP);
    }
  }

  private static void advanceUntilDone(RateLimitedMethod method, List<CompletableFuture<LlmResult<String>>> calls) {
    advanceInSteps(method, Duration.ofMinutes(30));
    for (CompletableFuture<LlmResult<String>> call : calls) {
      assertTrue(call.isDone(), "every caller should have been decided: " + method.statistics());
      call.join(); // throws the failure of a caller that was not admitted
    }
  }

  /** The most requests and the most tokens any 60-second window holds. */
  private record Window(long requests, long tokens) {}

  // A fullest window starts at an admission, so checking those windows checks them all.
  private static Window fullestWindow(List<Admission> admissions) {
    List<Admission> inOrder = admissions.stream().sorted(Comparator.comparing(Admission::at)).toList();
    long mostRequests = 0;
    long mostTokens = 0;
    int end = 0;
    long tokens = 0;
    for (int start = 0; start < inOrder.size(); start++) {
      Duration windowEnd = inOrder.get(start).at().plusMinutes(1);
      for (; end < inOrder.size() && inOrder.get(end).at().compareTo(windowEnd) < 0; end++) {
        tokens += inOrder.get(end).tokens();
      }
      mostRequests = Math.max(mostRequests, end - start);
      mostTokens = Math.max(mostTokens, tokens);
      tokens -= inOrder.get(start).tokens();
    }
    return new Window(mostRequests, mostTokens);
  }
}
