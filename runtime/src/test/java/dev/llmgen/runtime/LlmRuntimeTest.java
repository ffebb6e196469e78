package dev.llmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.annotations.Cached;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.budget.BudgetLedger;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.budget.MemoryBudgetLedger;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.metrics.CallMetrics;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.ProviderRouter;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import dev.llmgen.runtime.ratelimit.RateLimitedException;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.ResilienceSettings;
import dev.llmgen.runtime.resilience.RetryStages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runtime's own call path: model map, pricing, token counting, decoding, latency and failures. */
class LlmRuntimeTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private final FakeTicker ticker = new FakeTicker();
  private final FakeScheduler scheduler = new FakeScheduler(ticker);
  private final CostLedger costs = new CostLedger(CLOCK, CostLedger.DEFAULT_RETENTION_DAYS);
  private final TokenCounter tokenCounter = new TokenCounter();
  private final List<ChatRequest> requests = new ArrayList<>();
  private final MemoryBudgetLedger ledger = new MemoryBudgetLedger();
  private final CircuitBreakers circuits = new CircuitBreakers(ResilienceSettings.DEFAULTS, CLOCK, ticker, Set.of());
  private final BudgetStages budgets = new BudgetStages(() -> ledger, CLOCK, Set.of());

  private LlmRuntime runtime(ModelMap modelMap, Function<ChatRequest, CompletableFuture<Completion>> answers) {
    LlmProvider provider = new LlmProvider() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public CompletableFuture<Completion> complete(ChatRequest request) {
        requests.add(request);
        return answers.apply(request);
      }
    };
    return new LlmRuntime(ProviderRouter.everyModelTo(provider), ModelCatalog.bundled(), modelMap, tokenCounter, ticker,
        new CallMetrics(new SimpleMeterRegistry(), costs, circuits, budgets, ticker), new CacheStages(ticker),
        new RetryStages(ResilienceSettings.DEFAULTS, scheduler, Set.of()), circuits, budgets,
        new RateLimitStages(ticker, scheduler));
  }

  private static CompletableFuture<Completion> answer(String text, Optional<TokenUsage> usage, String finish) {
    return CompletableFuture.completedFuture(new Completion(text, "whatever-model", finish, usage));
  }

  @Test
  void pricesReportedUsageAtTheCatalogPriceOfTheModelAsked() {
    LlmMethod<String> method = runtime(ModelMap.identity(), request -> {
      ticker.advance(Duration.ofMillis(250));
      return answer("Hi", Optional.of(new TokenUsage(1_000, 400, 200, true)), "stop");
    }).bind(CallSpec.builder("Bot.greet", "gpt-4o", 50, OutputFormat.text()).build());

    LlmResult<String> result = method.callForResult("Hello", "ada");

    // gpt-4o: $2.50/M input, $1.25/M cached input, $10/M output
    assertEquals(600 * 2_500 + 400 * 1_250 + 200 * 10_000, result.costNanos());
    assertEquals(Duration.ofMillis(250), result.latency());
    assertEquals("gpt-4o", result.model());
    assertEquals("fake", result.provider());
    assertEquals(1, costs.byUser(CostQuery.all()).get("ada").calls());
    assertEquals(result.costNanos(), costs.byFeature(CostQuery.all()).get("Bot.greet").costNanos());
  }

  @Test
  void theModelMapChoosesTheModelAskedForAndAnUncataloguedModelCostsNothing() {
    LlmMethod<String> method = runtime(ModelMap.parse("gpt-4o-mini=llama3.2:3b"),
        request -> answer("Hi", Optional.of(new TokenUsage(10, 0, 2, true)), "stop"))
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 50, OutputFormat.text()).build());

    LlmResult<String> result = method.callForResult("Hello", null);

    assertEquals("llama3.2:3b", requests.get(0).model());
    assertEquals("llama3.2:3b", result.model());
    assertEquals(0, result.costNanos());
    assertEquals(1, costs.byUser(CostQuery.all()).get(CostLedger.NO_USER).calls());
  }

  @Test
  void tokensAreCountedWhenTheServerReportsNone() {
    LlmMethod<String> method = runtime(ModelMap.identity(), request -> answer("Hello there, Ada!", Optional.empty(), "stop"))
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 50, OutputFormat.text()).system("Be kind.").build());

    LlmResult<String> result = method.callForResult("Greet Ada", "ada");

    var encoding = tokenCounter.encoding("o200k_base");
    assertEquals(tokenCounter.countChatInput(encoding, "Be kind.", "Greet Ada"), result.inputTokens());
    assertEquals(encoding.countTokens("Hello there, Ada!"), result.outputTokens());
    assertTrue(result.inputTokens() > encoding.countTokens("Be kind.Greet Ada"));
    assertEquals(result.inputTokens() * 150L + result.outputTokens() * 600L, result.costNanos());
  }

  @Test
  void theFormatInstructionFollowsTheSystemPromptAndTheRequestCarriesTheLimits() {
    enum Mood { HAPPY, SAD }
    LlmMethod<Mood> method = runtime(ModelMap.identity(), request -> answer("sad", Optional.empty(), "stop"))
        .bind(CallSpec.builder("Bot.mood", "gpt-4o-mini", 3, OutputFormat.choice(Mood.values()))
            .system("You read moods.").temperature(0).build());

    assertEquals(Mood.SAD, method.call("I lost my keys", null));

    ChatRequest request = requests.get(0);
    assertEquals("You read moods.\n\nAnswer with exactly one of these words and nothing else: HAPPY, SAD.",
        request.system());
    assertEquals("I lost my keys", request.prompt());
    assertEquals(3, request.maxTokens());
    assertEquals(0.0, request.temperature().getAsDouble());
  }

  @Test
  void aTruncatedAnswerThatDoesNotParseSaysToRaiseMaxTokens() {
    LlmMethod<Integer> method = runtime(ModelMap.identity(), request -> answer("The answer is", Optional.empty(), "length"))
        .bind(CallSpec.builder("Bot.count", "gpt-4o-mini", 3, OutputFormat.integer()).build());

    LlmOutputException error = assertThrows(LlmOutputException.class, () -> method.call("Count", null));

    assertTrue(error.getMessage().contains("cut off at maxTokens=3, raise it"), error.getMessage());
    assertEquals("The answer is", error.rawOutput());
    assertTrue(error.costNanos() > 0);
    assertEquals(1, costs.total(CostQuery.all()).failures());
    assertEquals(error.costNanos(), costs.total(CostQuery.all()).costNanos());
  }

  @Test
  void aCacheHitSpendsNoBudgetAndTakesNoRateLimitPermit() {
    LlmMethod<String> method = runtime(ModelMap.identity(),
        request -> answer("Hi", Optional.of(new TokenUsage(10, 0, 2, true)), "stop"))
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 50, OutputFormat.text())
            .cache(new CachePolicy(Duration.ofHours(1), 100, Cached.Scope.GLOBAL))
            .budget(BudgetPolicy.pool("default").perAppDailyNanos(1_000_000_000L).build())
            .rateLimit(new RateLimitPolicy(1, RateLimitPolicy.NO_LIMIT, false, Duration.ZERO))
            .build());

    LlmResult<String> first = method.callForResult("Hello", "ada");
    LlmResult<String> again = method.callForResult("Hello", "ada");

    assertEquals(1, requests.size());
    assertTrue(again.fromCache());
    assertEquals(0, again.costNanos());
    long spent = ledger.windows().values().stream().mapToLong(BudgetLedger.Totals::spentNanos).max().orElseThrow();
    assertEquals(first.costNanos(), spent);
    // The one permit a minute went to the first call; the hit did not need one, but a new prompt does.
    assertThrows(RateLimitedException.class, () -> method.call("Something else", "ada"));
    assertEquals(1, costs.total(CostQuery.all()).cacheHits());
  }

  @Test
  void aProviderFailureIsRethrownAsItselfAndRecorded() {
    LlmProviderException failure = new LlmProviderException(
        "boom", "fake", "gpt-4o-mini", 500, "server_error", "", null, null);
    LlmMethod<String> method = runtime(ModelMap.identity(), request -> CompletableFuture.failedFuture(failure))
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text()).build());

    CompletableFuture<String> answer = method.callAsync("Hi", null);
    scheduler.advance(Duration.ofMinutes(1)); // the two retries of a server error, after their backoff

    assertEquals(3, requests.size());
    assertSame(failure, Failures.unwrap(assertThrows(CompletionException.class, answer::join)));
    assertEquals(1, costs.byFeature(CostQuery.all()).get("Bot.greet").failures());
    assertEquals(0, costs.total(CostQuery.all()).costNanos());
  }

  @Test
  void aFailureIsCountedUnderTheModelAskedForAfterTheModelMap() {
    LlmMethod<String> method = runtime(ModelMap.parse("gpt-4o-mini=gpt-4o"), request -> {
      throw new IllegalStateException("provider bug");
    }).bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text()).build());

    assertThrows(IllegalStateException.class, () -> method.call("Hi", null));

    assertEquals(Set.of("gpt-4o"), costs.byModel(CostQuery.all()).keySet());
    assertEquals(1, costs.byModel(CostQuery.all()).get("gpt-4o").failures());
  }

  @Test
  void aProviderThatThrowsInsteadOfFailingItsFutureIsHandledTheSameWay() {
    IllegalStateException failure = new IllegalStateException("provider bug");
    LlmMethod<String> method = runtime(ModelMap.identity(), request -> {
      throw failure;
    }).bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text()).build());

    CompletableFuture<String> future = method.callAsync("Hi", null);

    assertTrue(future.isCompletedExceptionally());
    assertSame(failure, assertThrows(IllegalStateException.class, () -> method.call("Hi", null)));
    assertEquals(2, costs.total(CostQuery.all()).failures());
  }

  @Test
  void anInterruptedCallerStopsWaitingAndKeepsItsInterruptFlag() throws Exception {
    CompletableFuture<Completion> never = new CompletableFuture<>();
    LlmMethod<String> method = runtime(ModelMap.identity(), request -> never)
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text()).build());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      started.countDown();
      try {
        method.call("Hi", null);
      } catch (Throwable t) {
        thrown.set(t);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    caller.start();
    started.await();
    caller.interrupt();
    caller.join();

    assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
    assertTrue(stillInterrupted.get());
  }
}
