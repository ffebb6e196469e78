package dev.llmgen.runtime.cascade;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The model's own confidence: the geometric mean of its answer tokens' probabilities, {@code exp} of
 * their mean log-probability, which the provider returns when asked (OpenAI and most
 * OpenAI-compatible servers do). An answer that does not decode, or was cut off at {@code maxTokens},
 * scores 0 whatever its confidence. Where the provider returns no log-probabilities (Anthropic, some
 * local servers) there is nothing to measure: a decoded, complete answer then scores 1, as with
 * {@link DecodesScorer}, and the reason says so.
 */
public final class ConfidenceScorer implements AnswerScorer {

  @Override
  public CompletionStage<Score> score(Candidate<?> candidate) {
    return CompletableFuture.completedFuture(verdict(candidate));
  }

  @Override
  public boolean needsLogprobs() {
    return true;
  }

  private static Score verdict(Candidate<?> candidate) {
    Optional<Score> unusable = candidate.unusable();
    if (unusable.isPresent()) {
      return unusable.get();
    }
    List<Double> logprobs = candidate.tokenLogprobs();
    if (logprobs.isEmpty()) {
      return Score.of(1, "decodes; no log-probabilities from " + candidate.model());
    }
    double mean = logprobs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double confidence = Math.min(1, Math.exp(mean)); // a server rounding a log-probability above 0 is still sure
    return Score.of(confidence, String.format("confidence %.2f over %d tokens", confidence, logprobs.size()));
  }
}
