package dev.llmgen.benchmarks;

import static java.util.stream.Collectors.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark, run once and briefly in this JVM: it proves they work, not how fast anything is
 * (docs/performance.md has the real runs).
 */
class BenchmarksSmokeTest {

  private static final String PACKAGE = BenchmarksSmokeTest.class.getPackageName() + ".";

  @Test
  void everyBenchmarkRunsAndMeasuresSomething() throws RunnerException {
    Options briefly = new OptionsBuilder()
        .include(Pattern.quote(PACKAGE))
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .param("calls", "100")
        .param("concurrency", "50")
        .shouldFailOnError(true)
        .build();

    Map<String, Double> scores = new Runner(briefly).run().stream().collect(toMap(
        result -> result.getParams().getBenchmark(), result -> result.getPrimaryResult().getScore()));

    assertEquals(
        Set.of(
            PACKAGE + "OverheadBenchmark.generated",
            PACKAGE + "OverheadBenchmark.handWritten",
            PACKAGE + "OverheadBenchmark.langChain4jAiServices",
            PACKAGE + "CacheHitBenchmark.cacheHit",
            PACKAGE + "ThroughputBenchmark.llmgen",
            PACKAGE + "ThroughputBenchmark.jdkHttpClient"),
        scores.keySet());
    scores.forEach((benchmark, score) -> assertTrue(score > 0, benchmark + " scored " + score));
  }
}
