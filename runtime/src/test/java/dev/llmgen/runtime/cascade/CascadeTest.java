package dev.llmgen.runtime.cascade;

import static dev.llmgen.runtime.ScriptedProvider.answer;
import static dev.llmgen.runtime.ScriptedProvider.answerWithLogprobs;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.ScriptedProvider.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.Attempt.Outcome;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.RuntimeFixture;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.metrics.CostQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A {@code @Cascade}: each model's turn budgeted and priced on its own, scored, accepted or passed over. */
class CascadeTest {

  private static final String CHEAP = "gpt-4o-mini";
  private static final String STRONG = "gpt-4o";
  private static final String POOL = "qa";
  private static final TokenUsage USAGE = new TokenUsage(1_000, 0, 100, true);
  // gpt-4o-mini: $0.15/M input, $0.60/M output; gpt-4o: $2.50/M input, $10/M output
  private static final long CHEAP_COST = 1_000 * 150 + 100 * 600;
  private static final long STRONG_COST = 1_000 * 2_500 + 100 * 10_000;

  private final RuntimeFixture fixture = new RuntimeFixture();

  private static <T> CallSpec<T> spec(OutputFormat<T> format, boolean failBelowThreshold) {
    return CallSpec.builder("Desk.answer", CHEAP, 200, format)
        .cascade(new CascadePolicy(List.of(CHEAP, STRONG), 0.8, failBelowThreshold))
        .budget(BudgetPolicy.pool(POOL).build())
        .maxAttempts(1)
        .build();
  }

  private LlmMethod<String> textMethod(AnswerScorer scorer) {
    return fixture.runtime().bind(spec(OutputFormat.text(), false), scorer);
  }

  /** Scores each model's answers as given, whatever they say. */
  private static AnswerScorer scoring(Map<String, Double> byModel) {
    return candidate -> CompletableFuture.completedFuture(
        Score.of(byModel.get(candidate.model()), "as scripted for " + candidate.model()));
  }

  private void bothAnswer(String cheap, String strong) {
    fixture.provider().then(CHEAP, answer(cheap, USAGE)).then(STRONG, answer(strong, USAGE));
  }

  @Test
  void theCallIsTimedToItsVerdictScoringIncluded() {
    bothAnswer("Maybe", "Paris");
    AnswerScorer slowScorer = candidate -> {
      fixture.ticker().advance(Duration.ofMillis(40)); // as long as a judge takes to grade the answer
      return CompletableFuture.completedFuture(Score.of(candidate.model().equals(STRONG) ? 0.5 : 0.6, "slow"));
    };

    LlmResult<String> result = textMethod(slowScorer).callForResult("Capital?", "ada");

    assertEquals(Outcome.ANSWERED_BELOW_THRESHOLD, result.attempts().get(0).outcome());
    assertEquals(Duration.ofMillis(80), result.latency());
  }

  @Test
  void anAnswerBelowTheThresholdIsPassedOverForTheNextModels() {
    bothAnswer("Maybe", "Paris");

    LlmResult<String> result = textMethod(scoring(Map.of(CHEAP, 0.3, STRONG, 0.9))).callForResult("Capital?", "ada");

    assertEquals("Paris", result.value());
    assertEquals(STRONG, result.model());
    assertFalse(result.fellBack());
    Attempt rejected = result.attempts().get(0);
    Attempt accepted = result.attempts().get(1);
    assertEquals(List.of(Outcome.REJECTED, Outcome.ANSWERED), outcomes(result));
    assertEquals(CHEAP, rejected.model());
    assertEquals(0.3, rejected.score().getAsDouble());
    assertEquals("as scripted for gpt-4o-mini", rejected.detail());
    assertEquals(CHEAP_COST, rejected.costNanos());
    assertEquals(STRONG, accepted.model());
    assertEquals(0.9, accepted.score().getAsDouble());
    assertEquals(STRONG_COST, accepted.costNanos());
    assertEquals(CHEAP_COST + STRONG_COST, result.costNanos());
    assertEquals(2_000, result.inputTokens());
    assertEquals(200, result.outputTokens());
    assertEquals(List.of(CHEAP, STRONG), fixture.provider().modelsAsked());
  }

  @Test
  void eachTurnIsReservedAndSettledOnItsOwnAndTheLedgerMatchesTheResult() {
    bothAnswer("Maybe", "Paris");

    LlmResult<String> result = textMethod(scoring(Map.of(CHEAP, 0.3, STRONG, 0.9))).callForResult("Capital?", "ada");

    assertEquals(2, fixture.ledger().reservedAmounts().size());
    assertTrue(fixture.ledger().reservedAmounts().get(0) < fixture.ledger().reservedAmounts().get(1),
        "each turn's worst case at its own model's prices");
    assertEquals(List.of(CHEAP_COST, STRONG_COST), fixture.ledger().settledAmounts());
    assertEquals(result.costNanos(), fixture.ledger().settledAmounts().stream().mapToLong(Long::longValue).sum());
    assertEquals(result.costNanos(), fixture.spentToday(POOL));
    assertEquals(0, fixture.reservedToday(POOL));
  }

  @Test
  void anAcceptedFirstAnswerAsksNoOtherModel() {
    fixture.provider().then(CHEAP, answer("Paris", USAGE));

    LlmResult<String> result = textMethod(scoring(Map.of(CHEAP, 0.8))).callForResult("Capital?", null);

    assertEquals(CHEAP, result.model());
    assertEquals(List.of(Outcome.ANSWERED), outcomes(result));
    assertEquals(CHEAP_COST, result.costNanos());
    assertEquals(List.of(CHEAP), fixture.provider().modelsAsked());
  }

  @Test
  void anAnswerThatDoesNotDecodeScoresZeroWithTheDefaultScorerAndIsStillPaidFor() {
    fixture.provider().then(CHEAP, answer("quite a few", USAGE)).then(STRONG, answer("42", USAGE));
    LlmMethod<Integer> method = fixture.runtime().bind(spec(OutputFormat.integer(), false));

    LlmResult<Integer> result = method.callForResult("How many?", null);

    assertEquals(42, result.value());
    Attempt undecoded = result.attempts().get(0);
    assertEquals(Outcome.REJECTED, undecoded.outcome());
    assertEquals(0.0, undecoded.score().getAsDouble());
    assertEquals("does not decode", undecoded.detail());
    assertEquals(CHEAP_COST, undecoded.costNanos());
    assertEquals(CHEAP_COST + STRONG_COST, result.costNanos());
    assertEquals(List.of(CHEAP_COST, STRONG_COST), fixture.ledger().settledAmounts());
  }

  @Test
  void anAnswerThatDoesNotDecodeIsNeverReturnedHoweverHighItScores() {
    fixture.provider().then(CHEAP, answer("quite a few", USAGE)).then(STRONG, answer("42", USAGE));
    AnswerScorer approvesEverything = candidate -> CompletableFuture.completedFuture(Score.of(1, "looks fine"));
    LlmMethod<Integer> method = fixture.runtime().bind(spec(OutputFormat.integer(), false), approvesEverything);

    LlmResult<Integer> result = method.callForResult("How many?", null);

    assertEquals(42, result.value());
    assertEquals(List.of(Outcome.REJECTED, Outcome.ANSWERED), outcomes(result));
    assertEquals(1.0, result.attempts().get(0).score().getAsDouble());
  }

  @Test
  void aModelThatFailsIsAFailedAttemptAndTheNextAnswers() {
    fixture.provider().then(CHEAP, fail(status(503))).then(STRONG, answer("Paris", USAGE));

    LlmResult<String> result = textMethod(new DecodesScorer()).callForResult("Capital?", null);

    assertEquals("Paris", result.value());
    assertEquals(List.of(Outcome.FAILED, Outcome.ANSWERED), outcomes(result));
    Attempt failed = result.attempts().get(0);
    assertTrue(failed.score().isEmpty());
    assertEquals(0, failed.costNanos());
    assertTrue(failed.detail().contains("503"), failed.detail());
    assertTrue(result.fellBack());
    assertEquals(STRONG_COST, result.costNanos());
    assertEquals(List.of(0L, STRONG_COST), fixture.ledger().settledAmounts());
  }

  @Test
  void whenEveryModelFailsTheLastFailureIsRethrown() {
    LlmProviderException last = status(502);
    fixture.provider().then(CHEAP, fail(status(503))).then(STRONG, fail(last));
    LlmMethod<String> method = textMethod(new DecodesScorer());

    assertSame(last, assertThrows(LlmProviderException.class, () -> method.call("Capital?", null)));
  }

  @Test
  void whenNoAnswerReachesTheThresholdTheBestIsReturnedBelowIt() {
    bothAnswer("Paris, I think", "Lyon");

    LlmResult<String> result = textMethod(scoring(Map.of(CHEAP, 0.6, STRONG, 0.4))).callForResult("Capital?", null);

    assertEquals("Paris, I think", result.value());
    assertEquals(CHEAP, result.model());
    assertEquals(List.of(Outcome.ANSWERED_BELOW_THRESHOLD, Outcome.REJECTED), outcomes(result));
    assertEquals(CHEAP_COST + STRONG_COST, result.costNanos());
    assertEquals(result.costNanos(), fixture.spentToday(POOL));
  }

  @Test
  void onATieBelowTheThresholdTheLaterModelsAnswerWins() {
    bothAnswer("Paris, I think", "Paris");

    LlmResult<String> result = textMethod(scoring(Map.of(CHEAP, 0.5, STRONG, 0.5))).callForResult("Capital?", null);

    assertEquals("Paris", result.value());
    assertEquals(List.of(Outcome.REJECTED, Outcome.ANSWERED_BELOW_THRESHOLD), outcomes(result));
  }

  @Test
  void failBelowThresholdEndsInAnErrorListingEveryPaidTurn() {
    bothAnswer("Paris, I think", "Lyon");
    LlmMethod<String> method =
        fixture.runtime().bind(spec(OutputFormat.text(), true), scoring(Map.of(CHEAP, 0.6, STRONG, 0.4)));

    CascadeExhaustedException error = assertThrows(CascadeExhaustedException.class, () -> method.call("Capital?", null));

    assertEquals(List.of(Outcome.REJECTED, Outcome.REJECTED),
        error.attempts().stream().map(Attempt::outcome).toList());
    assertEquals(CHEAP_COST + STRONG_COST, error.costNanos());
    assertEquals(2_000, error.inputTokens());
    assertEquals("Paris, I think", error.rawOutput());
    assertEquals(CHEAP, error.model());
    assertTrue(error.getMessage().contains("0.8"), error.getMessage());
    assertEquals(error.costNanos(), fixture.spentToday(POOL));
    assertEquals(error.costNanos(), fixture.costs().total(CostQuery.all()).costNanos(), "failed calls' cost is counted");
  }

  @Test
  void whenNoAnswerDecodesTheCascadeFailsEvenWithoutFailBelowThreshold() {
    fixture.provider().then(CHEAP, answer("a few", USAGE)).then(STRONG, answer("several", USAGE));
    LlmMethod<Integer> method = fixture.runtime().bind(spec(OutputFormat.integer(), false));

    CascadeExhaustedException error = assertThrows(CascadeExhaustedException.class, () -> method.call("How many?", null));

    assertEquals(CHEAP_COST + STRONG_COST, error.costNanos());
    assertEquals("several", error.rawOutput());
    assertTrue(error.getMessage().contains("none decoded"), error.getMessage());
  }

  @Test
  void theConfidenceScorerAsksForLogprobsAndReadsThem() {
    fixture.provider()
        .then(CHEAP, answerWithLogprobs("Lyon", USAGE, List.of(-1.0, -1.0)))
        .then(STRONG, answerWithLogprobs("Paris", USAGE, List.of(-0.01, -0.03)));

    LlmResult<String> result = textMethod(new ConfidenceScorer()).callForResult("Capital?", null);

    assertEquals("Paris", result.value());
    assertTrue(fixture.provider().requests().stream().allMatch(ChatRequest::logprobs));
    assertEquals(Math.exp(-1), result.attempts().get(0).score().getAsDouble(), 1e-9);
    assertEquals(Math.exp(-0.02), result.attempts().get(1).score().getAsDouble(), 1e-9);
  }

  @Test
  void scorersThatReadNoLogprobsDoNotAskForThem() {
    bothAnswer("Maybe", "Paris");

    textMethod(scoring(Map.of(CHEAP, 0.3, STRONG, 0.9))).call("Capital?", null);

    assertTrue(fixture.provider().requests().stream().noneMatch(ChatRequest::logprobs));
  }

  @Test
  void aScorerThatThrowsRatesTheAnswerZeroAndTheCascadeGoesOn() {
    bothAnswer("Maybe", "Paris");
    AnswerScorer throwsOnCheap = candidate -> {
      if (candidate.model().equals(CHEAP)) {
        throw new IllegalStateException("scorer bug");
      }
      return CompletableFuture.completedFuture(Score.of(1, "fine"));
    };

    LlmResult<String> result = textMethod(throwsOnCheap).callForResult("Capital?", null);

    assertEquals("Paris", result.value());
    Attempt rejected = result.attempts().get(0);
    assertEquals(0.0, rejected.score().getAsDouble());
    assertTrue(rejected.detail().contains("scorer bug"), rejected.detail());
  }

  @Test
  void aScorerWhoseFutureFailsRatesTheAnswerZeroAndTheCascadeGoesOn() {
    bothAnswer("Maybe", "Paris");
    AnswerScorer failsOnCheap = candidate -> candidate.model().equals(CHEAP)
        ? CompletableFuture.failedFuture(new IllegalStateException("judge unreachable"))
        : CompletableFuture.completedFuture(Score.of(1, "fine"));

    LlmResult<String> result = textMethod(failsOnCheap).callForResult("Capital?", null);

    assertEquals("Paris", result.value());
    assertEquals(0.0, result.attempts().get(0).score().getAsDouble());
  }

  @Test
  void theScorerSeesTheCandidateAsTheModelWroteIt() {
    fixture.provider()
        .then(CHEAP, answer(new Completion(" 7 ", "served", Completion.FINISH_LENGTH, Optional.of(USAGE))))
        .then(STRONG, answer("8", USAGE));
    List<Candidate<?>> seen = new CopyOnWriteArrayList<>();
    AnswerScorer recording = candidate -> {
      seen.add(candidate);
      return new DecodesScorer().score(candidate);
    };

    LlmResult<Integer> result =
        fixture.runtime().bind(spec(OutputFormat.integer(), false), recording).callForResult("How many?", null);

    assertEquals(8, result.value());
    Candidate<?> first = seen.get(0);
    assertEquals(CHEAP, first.model());
    assertEquals("How many?", first.prompt());
    assertEquals(" 7 ", first.text());
    assertEquals(7, first.value().orElseThrow());
    assertTrue(first.truncated());
    assertEquals("cut off at maxTokens", result.attempts().get(0).detail());
  }

  private static List<Outcome> outcomes(LlmResult<?> result) {
    return result.attempts().stream().map(Attempt::outcome).toList();
  }
}
