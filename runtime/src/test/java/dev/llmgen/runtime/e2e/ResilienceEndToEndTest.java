package dev.llmgen.runtime.e2e;

import static dev.llmgen.runtime.e2e.EndToEnd.QUESTION;
import static dev.llmgen.runtime.e2e.EndToEnd.answering;
import static dev.llmgen.runtime.e2e.EndToEnd.await;
import static dev.llmgen.runtime.e2e.EndToEnd.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.e2e.AnthropicReplies.Usage;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.CircuitOpenException;
import dev.llmgen.runtime.resilience.CircuitState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, circuit breakers, fallbacks and adaptive limits against providers failing over HTTP. */
class ResilienceEndToEndTest {

  private static final Usage SMALL_USAGE = new Usage(31, 0, 0, 6);

  private final EndToEnd e2e = new EndToEnd();

  @AfterEach
  void stopServers() {
    e2e.close();
  }

  private static ScriptedServer.Reply openAiAnswer(String text) {
    return OpenAiReplies.answer("gpt-4o-mini-2024-07-18", text, 31, 6);
  }

  private static ScriptedServer.Reply openAiUnavailable() {
    return OpenAiReplies.error(503, "error-500-server-error.json");
  }

  @Test
  void aRateLimitedRequestIsSentAgainNoSoonerThanItsRetryAfter() throws Exception {
    e2e.openAi().enqueue(OpenAiReplies.error(429, "error-429-rate-limit.json").withHeader("Retry-After", "7"));
    e2e.openAi().enqueue(openAiAnswer("Tomorrow."));
    LlmMethod<String> method = e2e.runtime().bind(answering("gpt-4o-mini").build());

    LlmResult<String> result = await(method.callForResultAsync(QUESTION, "ada"));

    assertEquals("Tomorrow.", result.value());
    assertEquals(2, e2e.openAi().received());
    assertEquals(2, result.attempts().get(0).requests());
    Duration retryDelay = e2e.time().delays().get(0);
    assertTrue(retryDelay.compareTo(Duration.ofSeconds(7)) >= 0, "waited " + retryDelay);
  }

  @Test
  void anOverloadedAnthropicIsAskedAgain() throws Exception {
    e2e.anthropic().enqueue(AnthropicReplies.error(529, "overloaded_error", "Overloaded"));
    e2e.anthropic().enqueue(AnthropicReplies.message("claude-haiku-4-5-20251001", "Tomorrow.", SMALL_USAGE));
    LlmMethod<String> method = e2e.runtime().bind(answering("claude-haiku-4-5").build());

    LlmResult<String> result = await(method.callForResultAsync(QUESTION, "ada"));

    assertEquals("Tomorrow.", result.value());
    assertEquals(2, e2e.anthropic().received());
    assertEquals(2, result.attempts().get(0).requests());
    assertEquals(1, e2e.time().delays().size(), "one wait, before the retry");
  }

  @Test
  void aBadRequestToAnthropicIsNotSentAgain() throws Exception {
    e2e.anthropic().enqueue(AnthropicReplies.error(400, "invalid_request_error",
        "max_tokens: 200000 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5"));
    e2e.anthropic().enqueue(AnthropicReplies.message("claude-haiku-4-5-20251001", "Tomorrow.", SMALL_USAGE));
    LlmMethod<String> method = e2e.runtime().bind(answering("claude-haiku-4-5").build());

    Throwable failure = failure(method.callForResultAsync(QUESTION, "ada"));

    LlmProviderException refused = assertInstanceOf(LlmProviderException.class, failure);
    assertEquals(400, refused.statusCode());
    assertEquals(Optional.of("invalid_request_error"), refused.errorCode());
    assertEquals(1, e2e.anthropic().received());
    assertEquals(List.of(), e2e.time().delays());
  }

  @Test
  void aFailingModelsCircuitOpensSendsNothingThenClosesOnceProbesSucceed() throws Exception {
    Injector application = e2e.injector(Map.of(
        LlmSettings.RETRY_MAX_ATTEMPTS, "1", LlmSettings.CIRCUIT_WINDOW, "4", LlmSettings.CIRCUIT_MIN_CALLS, "4",
        LlmSettings.CIRCUIT_OPEN_FOR, "30s", LlmSettings.CIRCUIT_PROBES, "2"));
    CircuitBreakers circuits = application.getInstance(CircuitBreakers.class);
    LlmMethod<String> method = application.getInstance(LlmRuntime.class).bind(answering("gpt-4o-mini").build());
    for (int call = 1; call <= 4; call++) {
      e2e.openAi().enqueue(openAiUnavailable());
      LlmProviderException unavailable =
          assertInstanceOf(LlmProviderException.class, failure(method.callForResultAsync(QUESTION, "ada")));
      assertEquals(503, unavailable.statusCode());
    }
    assertEquals(Map.of("gpt-4o-mini", CircuitState.OPEN), circuits.states());

    CircuitOpenException refused =
        assertInstanceOf(CircuitOpenException.class, failure(method.callForResultAsync(QUESTION, "ada")));

    assertEquals("gpt-4o-mini", refused.model());
    assertEquals(4, e2e.openAi().received(), "the open circuit sent no request");
    e2e.time().advance(Duration.ofSeconds(31));
    e2e.openAi().enqueue(openAiAnswer("Tomorrow."));
    e2e.openAi().enqueue(openAiAnswer("Tomorrow, by noon."));
    assertEquals("Tomorrow.", await(method.callAsync(QUESTION, "ada")));
    assertEquals(CircuitState.HALF_OPEN, circuits.states().get("gpt-4o-mini"), "one probe of two answered");
    assertEquals("Tomorrow, by noon.", await(method.callAsync(QUESTION, "ada")));
    assertEquals(CircuitState.CLOSED, circuits.states().get("gpt-4o-mini"));
    assertEquals(6, e2e.openAi().received());
  }

  @Test
  void aModelWhoseRetriesRunOutFallsBackToAClaudeModelOnAnthropic() throws Exception {
    for (int request = 1; request <= 3; request++) { // LLMGEN_RETRY_MAX_ATTEMPTS is 3 by default
      e2e.openAi().enqueue(openAiUnavailable());
    }
    e2e.anthropic().enqueue(AnthropicReplies.message("claude-sonnet-4-5-20250929", "Tomorrow.", SMALL_USAGE));
    LlmMethod<String> method =
        e2e.runtime().bind(answering("gpt-4o").fallbackModels("claude-sonnet-4-5").build());

    LlmResult<String> result = await(method.callForResultAsync(QUESTION, "ada"));

    assertEquals("Tomorrow.", result.value());
    assertEquals("anthropic", result.provider());
    assertEquals("claude-sonnet-4-5", result.model());
    assertTrue(result.fellBack());
    List<Attempt> attempts = result.attempts();
    assertEquals(2, attempts.size(), attempts.toString());
    assertTurn(attempts.get(0), "gpt-4o", "openai", Attempt.Outcome.FAILED, 3);
    assertTurn(attempts.get(1), "claude-sonnet-4-5", "anthropic", Attempt.Outcome.ANSWERED, 1);
    assertEquals(3, e2e.openAi().received());
    assertEquals(1, e2e.anthropic().received());
  }

  @Test
  void requestsAreHeldBackUntilTheResetWhenTheProvidersHeadersSayNoneAreLeft() throws Exception {
    enqueueAnAnswerLeavingNoRequestsFor20Seconds();
    LlmMethod<String> method = e2e.runtime().bind(answering("gpt-4o-mini").build());
    await(method.callForResultAsync(QUESTION, "ada"));
    assertEquals(List.of(), e2e.time().delays(), "the first request went at once");

    LlmResult<String> held = await(method.callForResultAsync(QUESTION, "ada"));

    List<Duration> delays = e2e.time().delays();
    assertEquals(1, delays.size(), delays.toString());
    assertTrue(delays.get(0).compareTo(Duration.ofSeconds(19)) >= 0
        && delays.get(0).compareTo(Duration.ofSeconds(20)) <= 0, "held back for " + delays.get(0));
    assertTrue(held.latency().compareTo(Duration.ofSeconds(19)) >= 0, "sent after the wait: " + held.latency());
    assertEquals(2, e2e.openAi().received());
  }

  @Test
  void withAdaptiveLimitsSwitchedOffTheProvidersHeadersHoldNothingBack() throws Exception {
    enqueueAnAnswerLeavingNoRequestsFor20Seconds();
    LlmMethod<String> method =
        e2e.runtime(Map.of(LlmSettings.ADAPTIVE_LIMITS, "false")).bind(answering("gpt-4o-mini").build());
    await(method.callForResultAsync(QUESTION, "ada"));

    LlmResult<String> second = await(method.callForResultAsync(QUESTION, "ada"));

    assertEquals("Tomorrow, by noon.", second.value());
    assertEquals(List.of(), e2e.time().delays());
    assertEquals(2, e2e.openAi().received());
  }

  private void enqueueAnAnswerLeavingNoRequestsFor20Seconds() {
    e2e.openAi().enqueue(openAiAnswer("Tomorrow.")
        .withHeader("x-ratelimit-limit-requests", "500")
        .withHeader("x-ratelimit-remaining-requests", "0")
        .withHeader("x-ratelimit-reset-requests", "20s"));
    e2e.openAi().enqueue(openAiAnswer("Tomorrow, by noon."));
  }

  private static void assertTurn(Attempt turn, String model, String provider, Attempt.Outcome outcome, int requests) {
    assertEquals(model, turn.model(), turn.toString());
    assertEquals(provider, turn.provider(), turn.toString());
    assertEquals(outcome, turn.outcome(), turn.toString());
    assertEquals(requests, turn.requests(), turn.toString());
  }
}
