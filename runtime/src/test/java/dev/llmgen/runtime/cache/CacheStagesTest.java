package dev.llmgen.runtime.cache;

import static dev.llmgen.runtime.cache.CacheFixtures.binding;
import static dev.llmgen.runtime.cache.CacheFixtures.cachedSpec;
import static dev.llmgen.runtime.cache.CacheFixtures.textSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.annotations.Cached.Scope;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which methods get a cache stage, and the statistics reported for them. */
class CacheStagesTest {

  private static final ModelBinding MINI = binding("gpt-4o-mini");

  private final FakeTicker ticker = new FakeTicker();
  private final CacheStages stages = new CacheStages(ticker);

  @Test
  void aMethodWithoutCachedHasNoCacheStage() {
    assertTrue(stages.stageFor(textSpec("Bot.answer").build(), MINI).isEmpty());
    assertEquals(0, stages.statistics().size());
  }

  @Test
  void aCachedMethodGetsOneStageHoweverOftenItIsBound() {
    CallSpec<String> spec = cachedSpec("Bot.answer", 100, Scope.GLOBAL);
    CallStage stage = stages.stageFor(spec, MINI).orElseThrow();

    assertInstanceOf(CacheStage.class, stage);
    assertSame(stage, stages.stageFor(spec, MINI).orElseThrow());
    assertNotSame(stage, stages.stageFor(cachedSpec("Bot.answer", 100, Scope.GLOBAL), MINI).orElseThrow());
  }

  @Test
  void statisticsAreByFeatureInAlphabeticalOrder() {
    FakeNext next = new FakeNext();
    CallSpec<String> triage = cachedSpec("Triage.classify", 100, Scope.GLOBAL);
    CallSpec<String> answer = cachedSpec("Bot.answer", 100, Scope.USER);
    CallStage triageStage = stages.stageFor(triage, MINI).orElseThrow();
    stages.stageFor(answer, MINI).orElseThrow();
    for (int i = 0; i < 2; i++) {
      triageStage.handle(new Call<>(triage, "My parcel is late", null, ticker, ticker.nanoTime()), next).join();
    }

    assertEquals(List.of("Bot.answer", "Triage.classify"), List.copyOf(stages.statistics().keySet()));
    assertEquals(new CacheStatistics(1, 1, 0, 1, FakeNext.COST_NANOS), stages.statistics().get("Triage.classify"));
    assertEquals(new CacheStatistics(0, 0, 0, 0, 0), stages.statistics().get("Bot.answer"));
  }

  @Test
  void methodsSharingAFeatureNameAreReportedTogether() {
    FakeNext next = new FakeNext();
    for (int i = 0; i < 2; i++) {
      CallSpec<String> spec = cachedSpec("Bot.answer", 100, Scope.GLOBAL);
      stages.stageFor(spec, MINI).orElseThrow().handle(new Call<>(spec, "Hi", null, ticker, ticker.nanoTime()), next).join();
    }

    assertEquals(new CacheStatistics(0, 2, 0, 2, 0), stages.statistics().get("Bot.answer"));
  }
}
