package dev.llmgen.runtime.cascade;

import static dev.llmgen.runtime.ScriptedProvider.answer;
import static dev.llmgen.runtime.ScriptedProvider.fail;
import static dev.llmgen.runtime.ScriptedProvider.status;
import static dev.llmgen.runtime.cascade.Candidates.scoreOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.RuntimeFixture;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The LLM judge: a call to the configured judge model, priced, counted and charged to the judged method's pool. */
class JudgeScorerTest {

  private static final String JUDGE = "gpt-4.1-nano";
  private static final TokenUsage JUDGE_USAGE = new TokenUsage(300, 0, 1, true);
  // gpt-4.1-nano: $0.10/M input, $0.40/M output
  private static final long JUDGE_COST = 300 * 100 + 1 * 400;

  private final RuntimeFixture fixture = new RuntimeFixture();
  private final JudgeScorer scorer = new JudgeScorer(
      fixture.runtime(), LlmSettings.from(ConfigSource.of(Map.of(LlmSettings.JUDGE_MODEL, JUDGE))));

  @Test
  void theJudgesGradeOutOfTenIsTheScoreAndItsCallIsTheScoringCost() {
    fixture.provider().then(JUDGE, answer("7", JUDGE_USAGE));

    Score score = scoreOf(scorer, Candidates.decoded("Paris"));

    assertEquals(0.7, score.value(), 1e-12);
    assertEquals(JUDGE_COST, score.costNanos());
    assertEquals("judge gpt-4.1-nano: 7/10", score.reason());
    assertEquals(1, fixture.costs().byFeature(CostQuery.all()).get("Desk.answer.judge").calls());
  }

  @Test
  void theJudgeIsAskedWithTheTaskAndTheAnswer() {
    fixture.provider().then(JUDGE, answer("7", JUDGE_USAGE));

    scoreOf(scorer, Candidates.decoded("Paris"));

    ChatRequest request = fixture.provider().requests().get(0);
    assertEquals(JUDGE, request.model());
    assertTrue(request.system().startsWith("You grade the answer another model gave"), request.system());
    assertTrue(request.prompt().contains("Answer in one word."), request.prompt());
    assertTrue(request.prompt().contains("Capital of France?"), request.prompt());
    assertTrue(request.prompt().endsWith("Paris"), request.prompt());
    assertEquals(0.0, request.temperature().getAsDouble());
  }

  @Test
  void withoutAJudgeModelSetTheDefaultOneJudges() {
    JudgeScorer byDefault = new JudgeScorer(fixture.runtime(), LlmSettings.from(ConfigSource.of(Map.of())));
    fixture.provider().then(LlmSettings.DEFAULT_JUDGE_MODEL, answer("10", JUDGE_USAGE));

    assertEquals(1.0, scoreOf(byDefault, Candidates.decoded("Paris")).value());
    assertEquals(List.of("gpt-4o-mini"), fixture.provider().modelsAsked());
  }

  @Test
  void aGradeOutsideZeroToTenIsClamped() {
    fixture.provider().then(JUDGE, answer("12", JUDGE_USAGE)).then(JUDGE, answer("-3", JUDGE_USAGE));

    assertEquals(1.0, scoreOf(scorer, Candidates.decoded("Paris")).value());
    assertEquals(0.0, scoreOf(scorer, Candidates.decoded("Paris")).value());
  }

  @Test
  void aJudgeWhoseVerdictIsNotAGradeRatesZeroAndItsPaidCallIsStillCounted() {
    fixture.provider().then(JUDGE, answer("seven", JUDGE_USAGE));

    Score score = scoreOf(scorer, Candidates.decoded("Paris"));

    assertEquals(0.0, score.value());
    assertEquals(JUDGE_COST, score.costNanos());
    assertTrue(score.reason().contains(JUDGE), score.reason());
  }

  @Test
  void aJudgeThatCannotBeReachedFailsTheScore() {
    fixture.provider().then(JUDGE, fail(status(401)));

    CompletableFuture<Score> score = scorer.score(Candidates.decoded("Paris")).toCompletableFuture();

    assertTrue(score.isCompletedExceptionally(), "the cascade rates a failed scorer 0 and goes on");
  }

  @Test
  void anAnswerThatDoesNotDecodeOrWasCutOffScoresZeroWithoutAskingTheJudge() {
    assertEquals(Score.of(0, "does not decode"), scoreOf(scorer, Candidates.notDecoded("{oops")));
    assertEquals(Score.of(0, "cut off at maxTokens"), scoreOf(scorer, Candidates.truncated("The capital")));
    assertEquals(List.of(), fixture.provider().requests());
    assertFalse(scorer.needsLogprobs());
  }

  @Test
  void inACascadeAnUnreadableVerdictStillCountsInTheCostTheLedgerSaw() {
    TokenUsage usage = new TokenUsage(1_000, 0, 100, true);
    fixture.provider()
        .then("gpt-4o-mini", answer("Paris?", usage))
        .then(JUDGE, answer("seven", JUDGE_USAGE))
        .then("gpt-4o", answer("Paris", usage))
        .then(JUDGE, answer("9", JUDGE_USAGE));

    LlmResult<String> result = fixture.runtime().bind(budgetedCascade(), scorer).callForResult("Capital?", null);

    assertEquals(0.0, result.attempts().get(0).score().getAsDouble());
    assertEquals(JUDGE_COST, result.attempts().get(0).scoringCostNanos());
    assertEquals(result.costNanos(), fixture.spentToday("qa"));
  }

  private static CallSpec<String> budgetedCascade() {
    return CallSpec.builder("Desk.answer", "gpt-4o-mini", 200, OutputFormat.text())
        .cascade(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o"), 0.8, false))
        .budget(BudgetPolicy.pool("qa").build())
        .build();
  }

  @Test
  void inACascadeTheJudgesCallsAreChargedToTheJudgedMethodsPoolAndAddedToItsCost() {
    TokenUsage usage = new TokenUsage(1_000, 0, 100, true);
    fixture.provider()
        .then("gpt-4o-mini", answer("Paris?", usage))
        .then(JUDGE, answer("7", JUDGE_USAGE))
        .then("gpt-4o", answer("Paris", usage))
        .then(JUDGE, answer("9", JUDGE_USAGE));
    LlmResult<String> result = fixture.runtime().bind(budgetedCascade(), scorer).callForResult("Capital of France?", "ada");

    assertEquals("Paris", result.value());
    Attempt rejected = result.attempts().get(0);
    assertEquals(0.7, rejected.score().getAsDouble(), 1e-12);
    assertEquals(JUDGE_COST, rejected.scoringCostNanos());
    assertEquals(0.9, result.attempts().get(1).score().getAsDouble(), 1e-12);
    long cheap = 1_000 * 150 + 100 * 600;
    long strong = 1_000 * 2_500 + 100 * 10_000;
    assertEquals(cheap + strong + 2 * JUDGE_COST, result.costNanos());
    assertEquals(List.of(cheap, JUDGE_COST, strong, JUDGE_COST), fixture.ledger().settledAmounts());
    assertEquals(result.costNanos(), fixture.spentToday("qa"));
    assertEquals(List.of("gpt-4o-mini", JUDGE, "gpt-4o", JUDGE), fixture.provider().modelsAsked());
    // The cost ledger charges each model once: the judge's calls under the judge, not again under the answers.
    Map<String, CostTotals> byModel = fixture.costs().byModel(CostQuery.all());
    assertEquals(cheap, byModel.get("gpt-4o-mini").costNanos());
    assertEquals(strong, byModel.get("gpt-4o").costNanos());
    assertEquals(2 * JUDGE_COST, byModel.get(JUDGE).costNanos());
    assertEquals(result.costNanos(), fixture.costs().total(CostQuery.all()).costNanos());
    assertEquals(result.costNanos(), fixture.costs().total(CostQuery.all().user("ada")).costNanos(),
        "the judge's calls are made for the user whose answers they grade");
  }
}
