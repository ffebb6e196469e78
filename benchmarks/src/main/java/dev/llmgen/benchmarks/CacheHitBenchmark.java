package dev.llmgen.benchmarks;

import com.google.inject.Injector;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** A {@code @Cached} method answered from the cache: the path a repeated question takes. */
public class CacheHitBenchmark extends InstantModelBenchmark {

  private Assistant assistant;

  @Setup
  public void setUp() {
    Injector injector = AssistantInjectors.instant();
    assistant = injector.getInstance(Assistant.class);
    assistant.answerRemembered(question, user); // the answer every measured call finds
    Dialogue.expectAnswer("cacheHit", cacheHit());
    if (injector.getInstance(CostLedger.class).total(CostQuery.all()).cacheHits() != 1) {
      throw new IllegalStateException("the second call was not answered from the cache");
    }
  }

  @Benchmark
  public String cacheHit() {
    return assistant.answerRemembered(question, user);
  }
}
