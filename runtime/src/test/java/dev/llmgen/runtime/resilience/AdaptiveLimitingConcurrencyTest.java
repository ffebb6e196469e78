package dev.llmgen.runtime.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.RateLimitStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads send at once while answers come back in random order; the clock stands still until they
 * are done. The provider, which counts what it receives against its account's limit, must never receive
 * a request beyond it, and once the limit's window has passed every request must have been sent.
 */
class AdaptiveLimitingConcurrencyTest {

  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 4;
  private static final int LIMIT = 50;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
  private final FakeTicker ticker = new FakeTicker();
  private final FakeScheduler scheduler = new FakeScheduler(ticker);
  private final AccountLimitedProvider provider = new AccountLimitedProvider(ticker);
  private final AdaptiveLimitingProvider limiting = new AdaptiveLimitingProvider(provider, ticker, scheduler);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void noRequestIsSentBeyondTheLimitAndAllAreSentAfterTheReset() throws Exception {
    List<CompletableFuture<Completion>> answers = new ArrayList<>();
    answers.add(limiting.complete(request()));
    provider.answerOne(new Random(0)); // the first reading: LIMIT - 1 left in this window

    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<CompletableFuture<Completion>>>> sending = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(t);
      sending.add(threads.submit(() -> {
        start.await();
        List<CompletableFuture<Completion>> mine = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          mine.add(limiting.complete(request()));
          provider.answerOne(random);
        }
        return mine;
      }));
    }
    for (Future<List<CompletableFuture<Completion>>> thread : sending) {
      answers.addAll(thread.get());
    }
    provider.answerAll();
    int sentInFirstWindow = provider.received();
    scheduler.advance(WINDOW);
    provider.answerAll();

    assertEquals(0, provider.beyondLimit(), "requests the provider would have refused with 429");
    assertTrue(sentInFirstWindow < answers.size(), "some requests should have been held back");
    assertTrue(sentInFirstWindow > LIMIT / 2, "the limit should have been used, not " + sentInFirstWindow);
    assertEquals(answers.size(), provider.received());
    assertTrue(answers.stream().allMatch(answer -> answer.isDone() && !answer.isCompletedExceptionally()));
  }

  private static ChatRequest request() {
    return new ChatRequest("gpt-test", "", "Hello", 50, OptionalDouble.empty(), new ResponseFormat.Text());
  }

  /**
   * An account allowing {@link #LIMIT} requests in each fixed window of the ticker. Requests are counted
   * as they arrive and answered only when the test says, with headers that tell the truth.
   */
  private static final class AccountLimitedProvider implements LlmProvider {

    private final FakeTicker ticker;
    private final long start;
    private final List<Runnable> unanswered = new ArrayList<>();
    private long window;
    private int usedInWindow;
    private int received;
    private int beyondLimit;

    AccountLimitedProvider(FakeTicker ticker) {
      this.ticker = ticker;
      this.start = ticker.nanoTime();
    }

    @Override
    public String name() {
      return "account-limited";
    }

    @Override
    public synchronized CompletableFuture<Completion> complete(ChatRequest request) {
      long now = ticker.nanoTime() - start;
      long windowNanos = WINDOW.toNanos();
      if (now / windowNanos != window) {
        window = now / windowNanos;
        usedInWindow = 0;
      }
      received++;
      usedInWindow++;
      if (usedInWindow > LIMIT) {
        beyondLimit++;
      }
      Duration untilReset = Duration.ofNanos(windowNanos - now % windowNanos);
      RateLimitStatus status = new RateLimitStatus(
          OptionalLong.of(Math.max(0, LIMIT - usedInWindow)), Optional.of(untilReset),
          OptionalLong.empty(), Optional.empty());
      Completion completion = new Completion("ok", request.model(), "stop", Optional.empty(), List.of(), status);
      CompletableFuture<Completion> answer = new CompletableFuture<>();
      unanswered.add(() -> answer.complete(completion));
      return answer;
    }

    /** Answers one of the requests not yet answered, chosen at random, outside the lock. */
    void answerOne(Random random) {
      Runnable answer;
      synchronized (this) {
        if (unanswered.isEmpty()) {
          return;
        }
        answer = unanswered.remove(random.nextInt(unanswered.size()));
      }
      answer.run();
    }

    void answerAll() {
      Random random = new Random(42);
      while (hasUnanswered()) {
        answerOne(random);
      }
    }

    synchronized int received() {
      return received;
    }

    synchronized int beyondLimit() {
      return beyondLimit;
    }

    private synchronized boolean hasUnanswered() {
      return !unanswered.isEmpty();
    }
  }
}
