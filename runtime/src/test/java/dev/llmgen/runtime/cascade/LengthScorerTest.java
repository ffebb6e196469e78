package dev.llmgen.runtime.cascade;

import static dev.llmgen.runtime.cascade.Candidates.scoreOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LengthScorerTest {

  /** Bounds are set the documented way: by extending the scorer. */
  static final class FiveToTen extends LengthScorer {
    FiveToTen() {
      super(5, 10);
    }
  }

  private final LengthScorer bounded = new FiveToTen();

  @Test
  void byDefaultAnyNonEmptyAnswerScoresOne() {
    LengthScorer scorer = new LengthScorer();

    assertEquals(1.0, scoreOf(scorer, Candidates.decoded("x")).value());
    assertEquals(1.0, scoreOf(scorer, Candidates.decoded("x".repeat(100_000))).value());
    assertEquals(Score.of(0, "empty"), scoreOf(scorer, Candidates.decoded("  \n ")));
  }

  @Test
  void theBoundsAreInclusiveAndCountTheTextWithoutSurroundingWhiteSpace() {
    assertEquals(Score.of(0, "4 chars, fewer than 5"), scoreOf(bounded, Candidates.decoded("abcd")));
    assertEquals(Score.of(1, "5 chars"), scoreOf(bounded, Candidates.decoded("  abcde \n")));
    assertEquals(Score.of(1, "10 chars"), scoreOf(bounded, Candidates.decoded("abcdefghij")));
    assertEquals(Score.of(0, "11 chars, more than 10"), scoreOf(bounded, Candidates.decoded("abcdefghijk")));
  }

  @Test
  void anAnswerOfTheRightLengthThatDoesNotDecodeOrWasCutOffScoresZero() {
    assertEquals(Score.of(0, "does not decode"), scoreOf(bounded, Candidates.notDecoded("abcdef")));
    assertEquals(Score.of(0, "cut off at maxTokens"), scoreOf(bounded, Candidates.truncated("abcdef")));
  }

  @Test
  void impossibleBoundsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LengthScorer(0, 10) {});
    assertThrows(IllegalArgumentException.class, () -> new LengthScorer(10, 9) {});
  }
}
