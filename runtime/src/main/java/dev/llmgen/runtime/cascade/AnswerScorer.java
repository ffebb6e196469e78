package dev.llmgen.runtime.cascade;

import java.util.concurrent.CompletionStage;

/**
 * Scores the answers of a {@code @Cascade}. Implementations are constructed by Guice (an
 * {@code @Inject} constructor or a public no-argument one), shared by every call, and thread-safe.
 * Scoring must not block: a scorer that calls a model returns the future of that call.
 */
public interface AnswerScorer {

  CompletionStage<Score> score(Candidate<?> candidate);

  /** Whether this scorer reads {@link Candidate#tokenLogprobs()}, which are then asked of the provider. */
  default boolean needsLogprobs() {
    return false;
  }
}
