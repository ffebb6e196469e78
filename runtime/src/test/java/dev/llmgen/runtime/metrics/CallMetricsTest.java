package dev.llmgen.runtime.metrics;

import static dev.llmgen.runtime.ScriptedProvider.answer;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.ScriptedProvider.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.annotations.Cached;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.Concurrently;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.RuntimeFixture;
import dev.llmgen.runtime.ScriptedProvider;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.budget.BudgetExceededException;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the runtime measures of every call, through the whole chain, on a fake ticker. */
class CallMetricsTest {

  private static final String MINI = "gpt-4o-mini";
  private static final String STRONG = "gpt-4o";
  // gpt-4o: $2.50/M input, $1.25/M cached input, $10/M output
  private static final TokenUsage USAGE = new TokenUsage(1_000, 400, 200, true);
  private static final long STRONG_COST = 600 * 2_500 + 400 * 1_250 + 200 * 10_000;

  private final RuntimeFixture fixture = new RuntimeFixture();
  private final MeterRegistry meters = fixture.meters();

  /** The answer, which takes {@code latency} of the fake ticker's time to arrive. */
  private ScriptedProvider.Reply answerAfter(Duration latency) {
    return (request, listener) -> {
      fixture.ticker().advance(latency);
      return CompletableFuture.completedFuture(new Completion("Hi", "served", "stop", Optional.of(USAGE)));
    };
  }

  private LlmMethod<String> bind(CallSpec.Builder<String> spec) {
    return fixture.runtime().bind(spec.build());
  }

  private static CallSpec.Builder<String> greet(String model) {
    return CallSpec.builder("Bot.greet", model, 50, OutputFormat.text());
  }

  private Timer calls(String model, String outcome) {
    return meters.find("llmgen.calls").tags("feature", "Bot.greet", "model", model, "outcome", outcome).timer();
  }

  private double counter(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  @Test
  void anAnsweredCallIsTimedPerMethodAndModelWithItsPercentilesAndEachStage() {
    fixture.provider().then(STRONG, answerAfter(Duration.ofMillis(250)));
    LlmMethod<String> method = bind(greet(STRONG));

    long renderingStarted = method.startNanos();
    fixture.ticker().advance(Duration.ofMillis(2));
    LlmResult<String> result = method.callForResult(renderingStarted, "Hello", "ada");

    assertEquals(Duration.ofMillis(252), result.latency(), "rendering is part of the call");
    assertEquals(Duration.ofMillis(2), result.timings().of(TimedStage.RENDERING));
    assertEquals(Duration.ofMillis(250), result.timings().of(TimedStage.PROVIDER));
    assertTrue(result.timings().ran(TimedStage.DECODING));
    assertFalse(result.timings().ran(TimedStage.CACHE), "no cache, no cache stage");
    assertFalse(result.timings().ran(TimedStage.BUDGET));

    Timer answered = calls(STRONG, "answered");
    assertEquals(1, answered.count());
    assertEquals(252, answered.totalTime(TimeUnit.MILLISECONDS));
    assertEquals(List.of(0.5, 0.95, 0.99), Arrays.stream(answered.takeSnapshot().percentileValues())
        .map(ValueAtPercentile::percentile).toList());
    assertEquals(250, meters.get("llmgen.stage").tags("feature", "Bot.greet", "stage", "provider").functionTimer()
        .totalTime(TimeUnit.MILLISECONDS));
    assertEquals(2, meters.get("llmgen.stage").tags("feature", "Bot.greet", "stage", "rendering").functionTimer()
        .totalTime(TimeUnit.MILLISECONDS));
    assertNull(meters.find("llmgen.stage").tags("stage", "cache").functionTimer(),
        "only the stages a method has are shown");

    String[] model = {"feature", "Bot.greet", "model", STRONG};
    assertEquals(1_000, counter("llmgen.tokens", append(model, "type", "input")));
    assertEquals(400, counter("llmgen.tokens", append(model, "type", "cached_input")));
    assertEquals(200, counter("llmgen.tokens", append(model, "type", "output")));
    assertEquals(STRONG_COST / 1e9, counter("llmgen.cost", model), 1e-15);
  }

  @Test
  void aCallThatFellBackChargesEachModelItsOwnTurnAndCountsTheCallUnderTheModelThatAnswered() {
    fixture.provider().then(MINI, fail(status(503))).then(STRONG, answerAfter(Duration.ofMillis(40)));

    bind(greet(MINI).maxAttempts(1).fallbackModels(STRONG)).call("Hello", "ada");

    assertEquals(1, calls(STRONG, "answered").count());
    assertEquals(0, calls(MINI, "answered").count());
    assertEquals(0, counter("llmgen.cost", "feature", "Bot.greet", "model", MINI));
    assertEquals(STRONG_COST / 1e9, counter("llmgen.cost", "feature", "Bot.greet", "model", STRONG), 1e-15);
    assertEquals(STRONG_COST, fixture.costs().byModel(CostQuery.all()).get(STRONG).costNanos());
    assertEquals(1, fixture.costs().byModel(CostQuery.all()).get(MINI).requests());
  }

  @Test
  void aFailedCallStillChargesEachModelTheRequestsItsTurnSent() {
    fixture.provider()
        .then(MINI, fail(status(503))).then(MINI, fail(status(503)))
        .then(STRONG, fail(status(503))).then(STRONG, fail(status(503)));

    CompletableFuture<LlmResult<String>> call =
        bind(greet(MINI).maxAttempts(2).fallbackModels(STRONG)).callForResultAsync("Hello", "ada");
    fixture.scheduler().advance(Duration.ofMinutes(1));

    assertThrows(CompletionException.class, call::join);
    Map<String, CostTotals> byModel = fixture.costs().byModel(CostQuery.all());
    assertEquals(2, byModel.get(MINI).requests(), "a request and its retry");
    assertEquals(2, byModel.get(STRONG).requests());
    assertEquals(new CostTotals(1, 1, 0, 4, 0, 0, 0, 0), fixture.costs().total(CostQuery.all()));
  }

  @Test
  void aFailedCallOfOneModelChargesItTheRequestsItSent() {
    fixture.provider().then(MINI, fail(status(503))).then(MINI, fail(status(503)));

    CompletableFuture<LlmResult<String>> call = bind(greet(MINI).maxAttempts(2)).callForResultAsync("Hello", "ada");
    fixture.scheduler().advance(Duration.ofMinutes(1));

    assertThrows(CompletionException.class, call::join);
    assertEquals(new CostTotals(1, 1, 0, 2, 0, 0, 0, 0), fixture.costs().total(CostQuery.all()));
  }

  @Test
  void retriesAreCountedByModelAndTheFailureRetried() {
    fixture.provider().then(MINI, fail(status(429))).then(MINI, answerAfter(Duration.ofMillis(40)));

    CompletableFuture<LlmResult<String>> call = bind(greet(MINI).maxAttempts(2)).callForResultAsync("Hello", "ada");
    fixture.scheduler().advance(Duration.ofMinutes(1));

    assertEquals("Hi", call.join().value());
    assertEquals(1, counter("llmgen.retries", "feature", "Bot.greet", "model", MINI, "type", "LlmProviderException"));
    assertEquals(2, fixture.costs().total(CostQuery.all()).requests());
  }

  @Test
  void cacheHitsAndMissesAreCountedAndAHitIsTimedApartFromAnswers() {
    fixture.provider().then(MINI, answerAfter(Duration.ofMillis(300)));
    LlmMethod<String> method = bind(greet(MINI).cache(new CachePolicy(Duration.ofHours(1), 100, Cached.Scope.GLOBAL)));

    method.call("Hello", "ada");
    LlmResult<String> hit = method.callForResult("Hello", "bob");

    assertTrue(hit.fromCache());
    assertTrue(hit.timings().ran(TimedStage.CACHE));
    assertFalse(hit.timings().ran(TimedStage.PROVIDER));
    assertEquals(1, counter("llmgen.cache.requests", "feature", "Bot.greet", "result", "hit"));
    assertEquals(1, counter("llmgen.cache.requests", "feature", "Bot.greet", "result", "miss"));
    assertEquals(1, calls(MINI, "cache_hit").count());
    assertEquals(300, calls(MINI, "answered").totalTime(TimeUnit.MILLISECONDS));
    assertEquals(0.5, fixture.costs().byFeature(CostQuery.all()).get("Bot.greet").cacheHitRate());
  }

  @Test
  void aRefusedCallIsAnErrorOfItsTypeUnderTheMethodsModel() {
    LlmMethod<String> method = bind(greet(STRONG).budget(BudgetPolicy.pool("bot").perRequestNanos(1).build()));

    assertThrows(BudgetExceededException.class, () -> method.call("Hello", "ada"));

    assertEquals(1, counter("llmgen.errors", "feature", "Bot.greet", "model", STRONG, "type",
        "BudgetExceededException"));
    assertEquals(1, calls(STRONG, "failed").count());
    assertEquals(new CostTotals(1, 1, 0, 0, 0, 0, 0, 0), fixture.costs().total(CostQuery.all()));
    assertTrue(fixture.provider().requests().isEmpty());
  }

  @Test
  void aMeterThatFailsLeavesTheCallsOwnOutcomeAlone() {
    meters.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (id.getName().equals("llmgen.errors")) {
          throw new IllegalStateException("a broken meter filter");
        }
        return id;
      }
    });
    LlmMethod<String> method = bind(greet(STRONG).budget(BudgetPolicy.pool("bot").perRequestNanos(1).build()));

    assertThrows(BudgetExceededException.class, () -> method.call("Hello", "ada"));
  }

  @Test
  void gaugesShowEachCircuitsStateAndWhatEachBudgetLimitHasSpentAgainstItsLimit() {
    fixture.provider().then(STRONG, answerAfter(Duration.ofMillis(40)));
    bind(greet(STRONG).budget(BudgetPolicy.pool("bot").perAppDailyNanos(1_000_000_000).perUserDailyNanos(50_000_000)
        .build())).call("Hello", "ada");

    assertEquals(1, meters.get("llmgen.circuit.state").tags("model", STRONG, "state", "closed").gauge().value());
    assertEquals(0, meters.get("llmgen.circuit.state").tags("model", STRONG, "state", "open").gauge().value());
    assertEquals(STRONG_COST / 1e9, budgetGauge("llmgen.budget.spent", "perAppDailyUsd"), 1e-15);
    assertEquals(STRONG_COST / 1e9, budgetGauge("llmgen.budget.spent", "perUserDailyUsd"), 1e-15);
    assertEquals(1.0, budgetGauge("llmgen.budget.limit", "perAppDailyUsd"));
    assertEquals(0.05, budgetGauge("llmgen.budget.limit", "perUserDailyUsd"));
    assertNull(meters.find("llmgen.budget.limit").tags("limit", "perAppMonthlyUsd").gauge(), "no such limit set");
  }

  private double budgetGauge(String name, String limit) {
    return meters.get(name).tags("pool", "bot", "limit", limit).gauge().value();
  }

  @Test
  void manyThreadsCallingAtOnceAreEachCountedOnce() throws Exception {
    int threads = 8;
    int callsEach = 300;
    for (int i = 0; i < threads * callsEach; i++) {
      fixture.provider().then(MINI, answer("Hi", USAGE));
    }
    LlmMethod<String> method = bind(greet(MINI));
    Concurrently.run(threads, thread -> {
      for (int i = 0; i < callsEach; i++) {
        method.call("Hello", "user-" + thread);
      }
    });

    long total = (long) threads * callsEach;
    assertEquals(total, calls(MINI, "answered").count());
    assertEquals(total, meters.get("llmgen.stage").tags("stage", "provider").functionTimer().count());
    assertEquals(total * 200, counter("llmgen.tokens", "feature", "Bot.greet", "model", MINI, "type", "output"));
    assertEquals(total, fixture.costs().total(CostQuery.all()).calls());
    assertEquals(callsEach, fixture.costs().byUser(CostQuery.all()).get("user-3").calls());
  }

  private static String[] append(String[] tags, String key, String value) {
    String[] all = Arrays.copyOf(tags, tags.length + 2);
    all[tags.length] = key;
    all[tags.length + 1] = value;
    return all;
  }
}
