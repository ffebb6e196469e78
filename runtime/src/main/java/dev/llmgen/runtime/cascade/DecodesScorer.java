package dev.llmgen.runtime.cascade;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The default scorer: 1 for an answer that decodes into the method's return type and was not cut off
 * at {@code maxTokens}, 0 otherwise.
 */
public final class DecodesScorer implements AnswerScorer {

  @Override
  public CompletionStage<Score> score(Candidate<?> candidate) {
    return CompletableFuture.completedFuture(candidate.unusable().orElse(Score.of(1, "decodes")));
  }
}
