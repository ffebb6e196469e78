package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.resilience.ResilientCalls.FEATURE;
import static dev.llmgen.runtime.resilience.ResilientCalls.MODEL;
import static dev.llmgen.runtime.resilience.ResilientCalls.OK;
import static dev.llmgen.runtime.resilience.ResilientCalls.answered;
import static dev.llmgen.runtime.resilience.ResilientCalls.failure;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.ScriptedProvider.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.ScriptedProvider.Reply;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.provider.Completion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CircuitBreakerStageTest {

  private static final Duration OPEN = Duration.ofSeconds(30);
  private static final Duration MILLISECOND = Duration.ofMillis(1);

  /** A change of circuit as the listener was told of it. */
  private record Change(String model, CircuitState from, CircuitState to) {}

  private final ResilientCalls calls = new ResilientCalls();
  private final CallSpec<String> spec = ResilientCalls.spec(FEATURE);
  private final List<Change> changes = new CopyOnWriteArrayList<>();
  // Opens when half of the last four requests failed; lets two probes through after 30 s.
  private final CircuitBreakers circuits = new CircuitBreakers(
      new ResilienceSettings(ResilienceSettings.DEFAULTS.retry(), new CircuitBreakerPolicy(50, 4, 4, OPEN, 2), true),
      calls.clock, calls.ticker, Set.of(new ResilienceListener() {
        @Override
        public void onCircuitStateChange(String model, CircuitState from, CircuitState to) {
          changes.add(new Change(model, from, to));
        }
      }));
  private final CallStage stage = circuits.stageFor(spec, calls.model).orElseThrow();

  @Test
  void theCircuitOpensWhenTheFailureRateReachesTheThreshold() {
    calls.reply(fail(status(503)), OK, fail(status(500)), OK);

    call(3);
    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
    assertTrue(answered(call()));

    assertEquals(CircuitState.OPEN, circuits.states().get(MODEL));
    assertEquals(List.of(new Change(MODEL, CircuitState.CLOSED, CircuitState.OPEN)), changes);
  }

  @Test
  void fewerFailuresThanTheThresholdKeepItClosed() {
    calls.reply(fail(status(503)), OK, OK, OK, fail(status(503)), OK, OK, OK);

    call(8);

    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
  }

  @Test
  void anOpenCircuitFailsAtOnceWithoutAskingTheProvider() {
    open();
    int sent = calls.requests();

    CircuitOpenException refusal = assertInstanceOf(CircuitOpenException.class, failure(call()));
    calls.advance(Duration.ofMillis(12_500));
    CircuitOpenException later = assertInstanceOf(CircuitOpenException.class, failure(call()));

    assertEquals(sent, calls.requests());
    assertEquals(MODEL, refusal.model());
    assertEquals(CircuitState.OPEN, refusal.state());
    assertEquals(Optional.of(OPEN), refusal.retryAfter());
    assertEquals("the circuit of model gpt-test is open: too many of its recent requests failed, so none is sent for"
        + " now; it lets a probe through in 30 s", refusal.getMessage());
    assertEquals(Optional.of(Duration.ofMillis(17_500)), later.retryAfter());
    assertTrue(later.getMessage().endsWith("it lets a probe through in 17.5 s"), later.getMessage());
  }

  @Test
  void afterTheOpenDurationProbesGoThrough() {
    open();
    calls.reply(OK);
    calls.advance(OPEN);
    assertInstanceOf(CircuitOpenException.class, failure(call()));
    calls.advance(MILLISECOND);

    CompletableFuture<LlmResult<String>> probe = call();

    assertTrue(answered(probe));
    assertEquals(CircuitState.HALF_OPEN, circuits.states().get(MODEL));
  }

  @Test
  void aHalfOpenCircuitLetsOnlyItsProbesThrough() {
    open();
    calls.advance(OPEN.plus(MILLISECOND));
    CompletableFuture<Completion> first = new CompletableFuture<>();
    CompletableFuture<Completion> second = new CompletableFuture<>();
    calls.reply((request, listener) -> first, (request, listener) -> second);
    int sent = calls.requests();

    call(2);
    CircuitOpenException refusal = assertInstanceOf(CircuitOpenException.class, failure(call()));

    assertEquals(sent + 2, calls.requests());
    assertEquals(CircuitState.HALF_OPEN, refusal.state());
    assertEquals(Optional.empty(), refusal.retryAfter());
    assertEquals("the circuit of model gpt-test is half-open: its 2 probe requests are still out, and no other is"
        + " sent until they show whether the model has recovered", refusal.getMessage());
  }

  @Test
  void successfulProbesCloseTheCircuit() {
    open();
    calls.advance(OPEN.plus(MILLISECOND));
    calls.reply(OK, OK, OK);

    call(2);

    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
    assertTrue(answered(call()));
    assertEquals(List.of(
            new Change(MODEL, CircuitState.CLOSED, CircuitState.OPEN),
            new Change(MODEL, CircuitState.OPEN, CircuitState.HALF_OPEN),
            new Change(MODEL, CircuitState.HALF_OPEN, CircuitState.CLOSED)),
        changes);
  }

  @Test
  void failedProbesOpenTheCircuitAgainForAnotherOpenDuration() {
    open();
    calls.advance(OPEN.plus(MILLISECOND));
    calls.reply(fail(status(503)), OK);

    call(2);

    assertEquals(CircuitState.OPEN, circuits.states().get(MODEL));
    CircuitOpenException refusal = assertInstanceOf(CircuitOpenException.class, failure(call()));
    assertEquals(Optional.of(OPEN), refusal.retryAfter());
    assertEquals(new Change(MODEL, CircuitState.HALF_OPEN, CircuitState.OPEN), changes.get(changes.size() - 1));
  }

  @Test
  void timeoutsCountAgainstTheModel() {
    Reply timeout = fail(new LlmTimeoutException("scripted", MODEL, Duration.ofMinutes(1), null));
    calls.reply(timeout, timeout, timeout, timeout);

    call(4);

    assertEquals(CircuitState.OPEN, circuits.states().get(MODEL));
  }

  @Test
  void failuresThatSayNothingOfTheModelsHealthAreNotCounted() {
    calls.reply(fail(status(400)), fail(status(401)), fail(status(404)),
        fail(new LlmOutputException("not a number", "an integer", "several", MODEL, 10, 2, 0, null)),
        fail(status(503)), OK, OK, OK);

    call(7);

    // Only the 503 and the two answers count: one failure in three is below the threshold, and short of the
    // four requests it needs to judge.
    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
    assertTrue(answered(call()));
    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
  }

  @Test
  void ignoredFailuresDoNotUseUpTheProbes() {
    open();
    calls.advance(OPEN.plus(MILLISECOND));
    calls.reply(fail(status(400)), fail(status(400)), OK);

    call(2);

    assertEquals(CircuitState.HALF_OPEN, circuits.states().get(MODEL));
    assertTrue(answered(call()));
  }

  @Test
  void everyMethodOfAModelSharesItsCircuitAndOtherModelsHaveTheirOwn() {
    ModelBinding other = ResilientCalls.model("gpt-other", calls.provider);
    CallSpec<String> summarise = ResilientCalls.spec("SupportDesk.summarise");
    CallStage summariseStage = circuits.stageFor(summarise, calls.model).orElseThrow();
    CallStage otherStage = circuits.stageFor(spec, other).orElseThrow();
    calls.reply(fail(status(503)), fail(status(503)), fail(status(503)), fail(status(503)));
    calls.provider.then("gpt-other", OK);

    for (int i = 0; i < 4; i++) {
      calls.call(summarise, summariseStage);
    }

    assertSame(stage, summariseStage);
    assertInstanceOf(CircuitOpenException.class, failure(call()));
    assertTrue(answered(calls.call(spec, other, otherStage)));
    assertEquals(Map.of("gpt-other", CircuitState.CLOSED, MODEL, CircuitState.OPEN), circuits.states());
    assertEquals(List.of("gpt-other", MODEL), List.copyOf(circuits.states().keySet()));
  }

  @Test
  void slowAnswersAreNoFailures() {
    List<CompletableFuture<Completion>> answers = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      CompletableFuture<Completion> answer = new CompletableFuture<>();
      answers.add(answer);
      calls.reply((request, listener) -> answer);
    }

    call(4);
    calls.advance(Duration.ofMinutes(5));
    answers.forEach(answer -> answer.complete(new Completion("ok", MODEL, "stop", Optional.empty())));

    // Five minutes on the ticker for each: an answer of many tokens takes long, and is still an answer.
    assertEquals(CircuitState.CLOSED, circuits.states().get(MODEL));
  }

  private void open() {
    calls.reply(fail(status(503)), fail(status(503)), fail(status(503)), fail(status(503)));
    call(4);
    assertEquals(CircuitState.OPEN, circuits.states().get(MODEL));
  }

  private CompletableFuture<LlmResult<String>> call() {
    return calls.call(spec, stage);
  }

  private void call(int times) {
    for (int i = 0; i < times; i++) {
      call();
    }
  }
}
