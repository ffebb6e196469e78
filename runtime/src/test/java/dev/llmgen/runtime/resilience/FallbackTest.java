package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.ScriptedProvider.answer;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.ScriptedProvider.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.RecordingSubscriber;
import dev.llmgen.runtime.RuntimeFixture;
import dev.llmgen.runtime.ScriptedProvider.OpenStream;
import dev.llmgen.runtime.TokenStream;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.TokenUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A method's {@code @Fallback} models: when the call moves on to the next, and what the result says. */
class FallbackTest {

  private static final String PRIMARY = "gpt-4o-mini";
  private static final String FALLBACK = "gpt-4o";

  private final RuntimeFixture fixture = new RuntimeFixture();

  private LlmMethod<String> method(String... fallbacks) {
    return fixture.runtime().bind(CallSpec.builder("Bot.reply", PRIMARY, 100, OutputFormat.text())
        .maxAttempts(1)
        .fallbackModels(fallbacks)
        .budget(BudgetPolicy.pool("bot").build())
        .build());
  }

  @Test
  void aRetryableFailureMovesTheCallToTheFallbackModel() {
    fixture.provider()
        .then(PRIMARY, fail(status(503)))
        .then(FALLBACK, answer("Hi", new TokenUsage(100, 0, 10, true)));

    LlmResult<String> result = method(FALLBACK).callForResult("Hello", "ada");

    assertEquals("Hi", result.value());
    assertEquals(FALLBACK, result.model());
    assertTrue(result.fellBack());
    assertEquals(List.of(Attempt.Outcome.FAILED, Attempt.Outcome.ANSWERED), outcomes(result));
    assertEquals(List.of(PRIMARY, FALLBACK), result.attempts().stream().map(Attempt::model).toList());
    Attempt failed = result.attempts().get(0);
    assertEquals(1, failed.requests());
    assertEquals(0, failed.costNanos());
    assertTrue(failed.detail().contains("503"), failed.detail());
    // gpt-4o: $2.50/M input, $10/M output
    long fallbackCost = 100 * 2_500 + 10 * 10_000;
    assertEquals(fallbackCost, result.costNanos());
    assertEquals(100, result.inputTokens());
    assertEquals(List.of(PRIMARY, FALLBACK), fixture.provider().modelsAsked());
    assertEquals(List.of(0L, fallbackCost), fixture.ledger().settledAmounts(), "each model's turn is budgeted");
  }

  @Test
  void anAnswerFromTheFirstModelListsOneAttemptAndDidNotFallBack() {
    fixture.provider().then(PRIMARY, answer("Hi", new TokenUsage(100, 0, 10, true)));

    LlmResult<String> result = method(FALLBACK).callForResult("Hello", "ada");

    assertEquals(PRIMARY, result.model());
    assertFalse(result.fellBack());
    assertEquals(List.of(Attempt.Outcome.ANSWERED), outcomes(result));
  }

  @Test
  void aBadRequestDoesNotFallBack() {
    LlmProviderException badRequest = status(400);
    fixture.provider().then(PRIMARY, fail(badRequest));

    LlmMethod<String> method = method(FALLBACK);

    assertSame(badRequest, assertThrows(LlmProviderException.class, () -> method.call("Hello", null)));
    assertEquals(List.of(PRIMARY), fixture.provider().modelsAsked());
  }

  @Test
  void anOpenCircuitFallsBack() {
    fixture.provider()
        .then(PRIMARY, fail(CircuitOpenException.open(PRIMARY, Duration.ofSeconds(30))))
        .then(FALLBACK, answer("Hi", new TokenUsage(100, 0, 10, true)));

    LlmResult<String> result = method(FALLBACK).callForResult("Hello", null);

    assertEquals(FALLBACK, result.model());
    assertTrue(result.attempts().get(0).detail().contains("circuit"), result.attempts().get(0).detail());
  }

  @Test
  void whenEveryModelFailsTheLastFailureIsRethrownAndEveryModelWasAsked() {
    LlmProviderException last = status(502);
    fixture.provider()
        .then(PRIMARY, fail(status(503)))
        .then(FALLBACK, fail(status(429)))
        .then("gpt-4.1", fail(last));

    LlmMethod<String> method = method(FALLBACK, "gpt-4.1");

    assertSame(last, assertThrows(LlmProviderException.class, () -> method.call("Hello", null)));
    assertEquals(List.of(PRIMARY, FALLBACK, "gpt-4.1"), fixture.provider().modelsAsked());
  }

  @Test
  void aStreamWhoseTextHasStartedDoesNotFallBack() {
    OpenStream primary = new OpenStream();
    fixture.provider().then(PRIMARY, primary);
    TokenStream stream = method(FALLBACK).stream("Hello", null);
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(subscriber);
    LlmProviderException lost = status(503);

    primary.write("Hel");
    primary.fail(lost);

    assertEquals(List.of("Hel"), subscriber.pieces());
    assertSame(lost, subscriber.failure().orElseThrow());
    assertEquals(List.of(PRIMARY), fixture.provider().modelsAsked());
  }

  @Test
  void aStreamThatFailsBeforeItsFirstPieceFallsBack() throws Exception {
    OpenStream primary = new OpenStream();
    OpenStream fallback = new OpenStream();
    fixture.provider().then(PRIMARY, primary).then(FALLBACK, fallback);
    TokenStream stream = method(FALLBACK).stream("Hello", null);
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(subscriber);

    primary.fail(status(503));
    fallback.write("Hi");
    fallback.end(new TokenUsage(100, 0, 1, true));

    assertEquals(List.of("Hi"), subscriber.pieces());
    assertTrue(subscriber.completed());
    LlmResult<String> result = stream.result().get();
    assertEquals(FALLBACK, result.model());
    assertEquals(List.of(Attempt.Outcome.FAILED, Attempt.Outcome.ANSWERED), outcomes(result));
  }

  private static List<Attempt.Outcome> outcomes(LlmResult<?> result) {
    return result.attempts().stream().map(Attempt::outcome).toList();
  }
}
