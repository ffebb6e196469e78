package dev.llmgen.runtime.cascade;

import static dev.llmgen.runtime.cascade.Candidates.scoreOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceScorerTest {

  private final ConfidenceScorer scorer = new ConfidenceScorer();

  @Test
  void theScoreIsTheExponentialOfTheMeanLogprob() {
    Score score = scoreOf(scorer, Candidates.withLogprobs("Paris", List.of(-0.1, -0.3, -0.2)));

    assertEquals(Math.exp(-0.2), score.value(), 1e-12);
    assertEquals(String.format("confidence %.2f over 3 tokens", Math.exp(-0.2)), score.reason());
  }

  @Test
  void aLogprobRoundedAboveZeroDoesNotLiftTheScoreAboveOne() {
    assertEquals(1.0, scoreOf(scorer, Candidates.withLogprobs("Paris", List.of(0.0001, 0.0))).value());
  }

  @Test
  void withoutLogprobsADecodedAnswerScoresOneAndTheReasonSaysWhy() {
    Score score = scoreOf(scorer, Candidates.decoded("Paris"));

    assertEquals(1.0, score.value());
    assertEquals("decodes; no log-probabilities from gpt-4o-mini", score.reason());
  }

  @Test
  void anAnswerThatDoesNotDecodeOrWasCutOffScoresZeroWhateverItsConfidence() {
    assertEquals(Score.of(0, "does not decode"), scoreOf(scorer, Candidates.notDecoded("{oops")));
    assertEquals(Score.of(0, "cut off at maxTokens"), scoreOf(scorer, Candidates.truncated("The capital")));
  }

  @Test
  void itAsksForLogprobs() {
    assertTrue(scorer.needsLogprobs());
  }
}
