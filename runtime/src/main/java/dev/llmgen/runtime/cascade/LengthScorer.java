package dev.llmgen.runtime.cascade;

import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1 for an answer that decodes, was not cut off at {@code maxTokens}, and whose text (without
 * surrounding white space) is within length bounds; 0 otherwise. By default the bounds only ask for a
 * non-empty answer; to set others, extend it:
 * <pre>{@code
 * public final class ReplyLength extends LengthScorer {
 *   public ReplyLength() { super(80, 1200); }
 * }
 * }</pre>
 */
public class LengthScorer implements AnswerScorer {

  private final int minChars;
  private final int maxChars;

  /** Any non-empty answer. */
  @Inject
  public LengthScorer() {
    this(1, Integer.MAX_VALUE);
  }

  /** Answers of {@code minChars} to {@code maxChars} characters. */
  protected LengthScorer(int minChars, int maxChars) {
    if (minChars < 1 || maxChars < minChars) {
      throw new IllegalArgumentException(
          "length bounds need 1 <= minChars <= maxChars, not " + minChars + " and " + maxChars);
    }
    this.minChars = minChars;
    this.maxChars = maxChars;
  }

  @Override
  public CompletionStage<Score> score(Candidate<?> candidate) {
    return CompletableFuture.completedFuture(verdict(candidate));
  }

  private Score verdict(Candidate<?> candidate) {
    int length = candidate.text().strip().length();
    if (length == 0) {
      return Score.of(0, "empty");
    }
    Optional<Score> unusable = candidate.unusable();
    if (unusable.isPresent()) {
      return unusable.get();
    }
    if (length < minChars) {
      return Score.of(0, length + " chars, fewer than " + minChars);
    }
    if (length > maxChars) {
      return Score.of(0, length + " chars, more than " + maxChars);
    }
    return Score.of(1, length + " chars");
  }
}
