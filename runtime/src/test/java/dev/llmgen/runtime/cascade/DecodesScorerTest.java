package dev.llmgen.runtime.cascade;

import static dev.llmgen.runtime.cascade.Candidates.scoreOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DecodesScorerTest {

  private final DecodesScorer scorer = new DecodesScorer();

  @Test
  void aDecodedCompleteAnswerScoresOne() {
    assertEquals(Score.of(1, "decodes"), scoreOf(scorer, Candidates.decoded("Paris")));
  }

  @Test
  void anAnswerThatDoesNotDecodeScoresZero() {
    assertEquals(Score.of(0, "does not decode"), scoreOf(scorer, Candidates.notDecoded("{oops")));
  }

  @Test
  void anAnswerCutOffAtMaxTokensScoresZero() {
    assertEquals(Score.of(0, "cut off at maxTokens"), scoreOf(scorer, Candidates.truncated("The capital is")));
  }

  @Test
  void itNeedsNoLogprobs() {
    assertFalse(scorer.needsLogprobs());
  }
}
