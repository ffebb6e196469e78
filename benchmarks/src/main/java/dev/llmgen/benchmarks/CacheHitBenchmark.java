package dev.llmgen.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** A {@code @Cached} method answered from the cache: the path a repeated question takes. */
public class CacheHitBenchmark extends InstantModelBenchmark {

  private Assistant assistant;

  @Setup
  public void setUp() {
    assistant = AssistantInjectors.instant().getInstance(Assistant.class);
    assistant.answerRemembered(question, user); // the answer every measured call finds
  }

  @Benchmark
  public String cacheHit() {
    return assistant.answerRemembered(question, user);
  }
}
