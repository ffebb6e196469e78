package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.ScriptedProvider.answer;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.resilience.ResilientCalls.FEATURE;
import static dev.llmgen.runtime.resilience.ResilientCalls.MODEL;
import static dev.llmgen.runtime.resilience.ResilientCalls.OK;
import static dev.llmgen.runtime.resilience.ResilientCalls.answered;
import static dev.llmgen.runtime.resilience.ResilientCalls.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.ScriptedProvider.OpenStream;
import dev.llmgen.runtime.ScriptedProvider;
import dev.llmgen.runtime.budget.BudgetExceededException;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.budget.BudgetStage;
import dev.llmgen.runtime.budget.MemoryBudgetLedger;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import dev.llmgen.runtime.ratelimit.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryStageTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** A retry as the listener was told of it. */
  private record Retried(String feature, String model, int attempt, Duration after, Throwable cause) {}

  private final ResilientCalls calls = new ResilientCalls();
  private final CallSpec<String> spec = ResilientCalls.spec(FEATURE);
  private final List<Retried> retried = new CopyOnWriteArrayList<>();
  // Drawing 0.5 puts the jitter in the middle: every wait is exactly its exponential value.
  private final RetryStages stages = new RetryStages(ResilienceSettings.DEFAULTS, calls.scheduler, List.of(
      new ResilienceListener() {
        @Override
        public void onRetry(String feature, String model, int attempt, Duration wait, Throwable cause) {
          retried.add(new Retried(feature, model, attempt, wait, cause));
        }
      }), () -> 0.5);

  @Test
  void aTransientFailureIsRetriedAfterTheBackoff() {
    calls.reply(fail(ScriptedProvider.status(503)), OK);

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(Duration.ofMillis(499));
    assertEquals(1, calls.requests());
    assertFalse(call.isDone());
    calls.advance(Duration.ofMillis(1));

    assertEquals(2, calls.requests());
    assertEquals("ok", call.join().value());
  }

  @Test
  void theWaitDoublesAfterEachFailure() {
    calls.reply(fail(ScriptedProvider.status(502)), fail(ScriptedProvider.status(502)), OK);

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(Duration.ofMillis(500));
    assertEquals(2, calls.requests());
    calls.advance(Duration.ofMillis(999));
    assertEquals(2, calls.requests());
    calls.advance(Duration.ofMillis(1));

    assertEquals(3, calls.requests());
    assertTrue(answered(call));
  }

  @Test
  void whenTheAttemptsRunOutTheLastFailureIsRaised() {
    LlmProviderException last = ScriptedProvider.status(503);
    calls.reply(fail(ScriptedProvider.status(500)), fail(ScriptedProvider.status(502)), fail(last));

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(MINUTE);

    assertSame(last, failure(call));
    assertEquals(3, calls.requests());
    assertEquals(0, calls.scheduler.pending());
  }

  @ParameterizedTest
  @ValueSource(ints = {LlmProviderException.NO_RESPONSE, 408, 409, 429, 500, 502, 503, 529})
  void failuresThatMayPassAreRetried(int status) {
    calls.reply(fail(ScriptedProvider.status(status)), OK);

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(Duration.ofSeconds(1));

    assertTrue(answered(call));
    assertEquals(2, calls.requests());
  }

  @Test
  void aTimeoutIsRetried() {
    calls.reply(fail(new LlmTimeoutException("scripted", MODEL, MINUTE, null)), OK);

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(Duration.ofSeconds(1));

    assertTrue(answered(call));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void requestsTheProviderRefusedAreNotRetried(int status) {
    LlmProviderException refusal = ScriptedProvider.status(status);
    calls.reply(fail(refusal));

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));

    assertSame(refusal, failure(call));
    assertEquals(1, calls.requests());
    assertEquals(0, calls.scheduler.pending());
  }

  @Test
  void anAnswerThatDoesNotDecodeIsNotRetried() {
    CallSpec<Integer> counting = CallSpec.builder(FEATURE, MODEL, 50, OutputFormat.integer()).build();
    calls.reply(answer(new Completion("several", MODEL, "stop", Optional.empty())));

    CompletableFuture<LlmResult<Integer>> call = calls.call(counting, stage(counting));
    calls.advance(MINUTE);

    assertInstanceOf(LlmOutputException.class, failure(call));
    assertEquals(1, calls.requests());
  }

  @Test
  void aBudgetRefusalIsNotRetried() {
    ModelBinding priced = new ModelBinding(MODEL, calls.provider, TokenPrices.ofUsdPerMillion("1", "0", "0", "1"),
        calls.model.encoding(), calls.model.tokenCounter());
    BudgetStage budget = new BudgetStage(BudgetPolicy.pool("default").perRequestNanos(1).build(), priced,
        new MemoryBudgetLedger(), calls.clock, List.of());

    CompletableFuture<LlmResult<String>> call = calls.call(spec, priced, stage(spec), budget);
    calls.advance(MINUTE);

    assertInstanceOf(BudgetExceededException.class, failure(call));
    assertEquals(0, calls.requests());
    assertEquals(List.of(), retried);
  }

  @Test
  void aRateLimitRefusalIsNotRetried() {
    CallSpec<String> limited = CallSpec.builder(FEATURE, MODEL, 50, OutputFormat.text())
        .rateLimit(new RateLimitPolicy(1, RateLimitPolicy.NO_LIMIT, false, Duration.ZERO))
        .build();
    CallStage rateLimit =
        new RateLimitStages(calls.ticker, calls.scheduler).stageFor(limited, calls.model).orElseThrow();
    CallStage retry = stage(limited);
    calls.reply(OK);

    assertTrue(answered(calls.call(limited, retry, rateLimit)));
    CompletableFuture<LlmResult<String>> call = calls.call(limited, retry, rateLimit);
    calls.advance(Duration.ofSeconds(1));

    assertInstanceOf(RateLimitedException.class, failure(call));
    assertEquals(1, calls.requests());
    assertEquals(List.of(), retried);
  }

  @Test
  void anOpenCircuitIsNotRetried() {
    CircuitBreakerPolicy tripsAtOnce = new CircuitBreakerPolicy(100, 1, 1, MINUTE, 1);
    CircuitBreakers circuits = new CircuitBreakers(
        new ResilienceSettings(ResilienceSettings.DEFAULTS.retry(), tripsAtOnce, true), calls.clock, calls.ticker,
        Set.of());
    calls.reply(fail(ScriptedProvider.status(503)));

    CompletableFuture<LlmResult<String>> call =
        calls.call(spec, stage(spec), circuits.stageFor(spec, calls.model).orElseThrow());
    calls.advance(MINUTE.minusMillis(1));

    assertInstanceOf(CircuitOpenException.class, failure(call));
    assertEquals(1, calls.requests());
    assertEquals(1, retried.size());
    assertEquals(0, calls.scheduler.pending());
  }

  @Test
  void theProvidersRetryAfterIsWaitedFor() {
    calls.reply(fail(ResilientCalls.status(429, Duration.ofSeconds(5))), OK);

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(Duration.ofMillis(4_999));
    assertEquals(1, calls.requests());
    calls.advance(Duration.ofMillis(1));

    assertEquals(2, calls.requests());
    assertTrue(answered(call));
  }

  @Test
  void aRetryAfterBeyondTheLongestHonouredFailsAtOnce() {
    LlmProviderException busy = ResilientCalls.status(429, Duration.ofMinutes(2));
    calls.reply(fail(busy));

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));

    assertSame(busy, failure(call));
    assertEquals(1, calls.requests());
    assertEquals(0, calls.scheduler.pending());
  }

  @Test
  void aMethodAllowedOneAttemptHasNoRetryStage() {
    CallSpec<String> once = CallSpec.builder(FEATURE, MODEL, 50, OutputFormat.text()).maxAttempts(1).build();

    assertEquals(Optional.empty(), stages.stageFor(once, calls.model));
  }

  @Test
  void oneAttemptMeansOneRequest() {
    RetryPolicy once = new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, MINUTE);
    RetryStage stage = new RetryStage(FEATURE, MODEL, once, () -> 0.5, calls.scheduler,
        new ResilienceListeners(List.of()), new LongAdder());
    calls.reply(fail(ScriptedProvider.status(503)));

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage);
    calls.advance(MINUTE);

    assertEquals(503, assertInstanceOf(LlmProviderException.class, failure(call)).statusCode());
    assertEquals(1, calls.requests());
  }

  @Test
  void aStreamIsNotSentAgainOnceItsTextHasArrived() {
    StringBuilder received = new StringBuilder();
    OpenStream stream = new OpenStream();
    calls.reply(stream);

    CompletableFuture<LlmResult<String>> call = calls.stream(spec, appendingTo(received), stage(spec));
    stream.write("Your parcel ");
    stream.fail(ScriptedProvider.status(503));
    calls.advance(MINUTE);

    assertEquals(503, assertInstanceOf(LlmProviderException.class, failure(call)).statusCode());
    assertEquals(1, calls.requests());
    assertEquals("Your parcel ", received.toString());
    assertEquals(List.of(), retried);
  }

  @Test
  void aStreamThatFailedBeforeItsFirstTextIsRetried() {
    StringBuilder received = new StringBuilder();
    calls.reply(fail(ScriptedProvider.status(503)), OK);

    CompletableFuture<LlmResult<String>> call = calls.stream(spec, appendingTo(received), stage(spec));
    calls.advance(Duration.ofMillis(500));

    assertTrue(answered(call));
    assertEquals(2, calls.requests());
    assertEquals("ok", received.toString());
  }

  @Test
  void eachRetryIsToldToTheListenersAndCountedForItsMethod() {
    LlmProviderException unavailable = ScriptedProvider.status(503);
    LlmProviderException busy = ResilientCalls.status(429, Duration.ofSeconds(3));
    calls.reply(fail(unavailable), fail(busy), OK);
    stage(ResilientCalls.spec("SupportDesk.summarise"));

    CompletableFuture<LlmResult<String>> call = calls.call(spec, stage(spec));
    calls.advance(MINUTE);

    assertTrue(answered(call));
    assertEquals(List.of(
            new Retried(FEATURE, MODEL, 1, Duration.ofMillis(500), unavailable),
            new Retried(FEATURE, MODEL, 2, Duration.ofSeconds(3), busy)),
        retried);
    assertEquals(Map.of(FEATURE, 2L, "SupportDesk.summarise", 0L), stages.retries());
    assertEquals(List.of(FEATURE, "SupportDesk.summarise"), List.copyOf(stages.retries().keySet()));
  }

  @Test
  void aListenerThatFailsDoesNotFailTheCall() {
    RetryStages failingListener = new RetryStages(ResilienceSettings.DEFAULTS, calls.scheduler, List.of(
        new ResilienceListener() {
          @Override
          public void onRetry(String feature, String model, int attempt, Duration wait, Throwable cause) {
            throw new IllegalStateException("metrics are down");
          }
        }), () -> 0.5);
    calls.reply(fail(ScriptedProvider.status(503)), OK);

    CompletableFuture<LlmResult<String>> call =
        calls.call(spec, failingListener.stageFor(spec, calls.model).orElseThrow());
    calls.advance(Duration.ofSeconds(1));

    assertTrue(answered(call));
  }

  private CallStage stage(CallSpec<?> spec) {
    return stages.stageFor(spec, calls.model).orElseThrow();
  }

  private static StreamListener appendingTo(StringBuilder received) {
    return new StreamListener() {
      @Override
      public void onText(String text) {
        received.append(text);
      }

      @Override
      public CompletionStage<Void> cancellation() {
        return new CompletableFuture<>();
      }
    };
  }
}
