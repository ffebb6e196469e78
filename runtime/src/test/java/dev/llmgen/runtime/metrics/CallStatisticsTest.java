package dev.llmgen.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.format.OutputFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CallStatisticsTest {

  private static final CallSpec<String> SPEC =
      CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text()).build();

  private static LlmResult<String> result(long costNanos, long latencyMillis) {
    return LlmResult.answered("hi", "gpt-4o-mini", "fake", 1, 10, 5, 2, costNanos, Duration.ofMillis(latencyMillis));
  }

  @Test
  void percentilesAreNearestRankOverRecentCalls() {
    CallStatistics statistics = new CallStatistics();
    for (int latency = 1; latency <= 100; latency++) {
      statistics.recordAnswer(new Call<>(SPEC, "p", "ada", 0), result(1, latency));
    }

    CallSummary summary = statistics.overall();

    assertEquals(Duration.ofMillis(50), summary.latencyP50());
    assertEquals(Duration.ofMillis(95), summary.latencyP95());
    assertEquals(100, summary.calls());
    assertEquals(1000, summary.inputTokens());
    assertEquals(200, summary.cachedInputTokens());
  }

  @Test
  void countsHoldExactlyWhenManyThreadsRecordAtOnce() throws Exception {
    CallStatistics statistics = new CallStatistics();
    int threads = 8;
    int callsPerThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String user = "user-" + (t % 3);
      done.add(pool.submit(() -> {
        for (int i = 0; i < callsPerThread; i++) {
          statistics.recordAnswer(new Call<>(SPEC, "p", user, 0), result(7, i % 50));
          if (i % 10 == 0) {
            statistics.recordFailure(new Call<>(SPEC, "p", user, 0), new RuntimeException(), "gpt-4o-mini", 0);
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();

    long answers = (long) threads * callsPerThread;
    long failures = (long) threads * (callsPerThread / 10);
    assertEquals(answers + failures, statistics.overall().calls());
    assertEquals(failures, statistics.overall().failures());
    assertEquals(answers * 7, statistics.overall().costNanos());
    assertEquals(answers + failures, statistics.byFeature().get("Bot.greet").calls());
    long perUser = statistics.byUser().values().stream().mapToLong(CallSummary::calls).sum();
    assertEquals(answers + failures, perUser);
  }
}
