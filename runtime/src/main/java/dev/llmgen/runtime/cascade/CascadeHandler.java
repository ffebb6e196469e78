package dev.llmgen.runtime.cascade;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelChain;
import dev.llmgen.runtime.provider.Completion;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a {@code @Cascade}: asks its models in order, scores each answer, and returns the first that
 * reaches the threshold. An answer that does not decode is scored too (the scorer sees it has no
 * value); a model that fails (its circuit open, its retries exhausted, its budget refused) is passed
 * over. When no answer reaches the threshold, the best-scoring decoded one is returned, marked
 * {@link Attempt.Outcome#ANSWERED_BELOW_THRESHOLD}, unless the policy says to fail. Each model's turn
 * goes through that model's own chain, so every turn is budgeted, rate-limited and retried on its own.
 */
public final class CascadeHandler<T> implements CallHandler<T> {

  private static final System.Logger LOG = System.getLogger(CascadeHandler.class.getName());

  private final List<ModelChain<T>> models;
  private final AnswerScorer scorer;
  private final CascadePolicy policy;

  public CascadeHandler(List<ModelChain<T>> models, AnswerScorer scorer, CascadePolicy policy) {
    this.models = List.copyOf(models);
    this.scorer = scorer;
    this.policy = policy;
  }

  /**
   * The call's answer; its latency is stamped by the outermost stage, once the verdict is in: scoring,
   * and the later models of a best answer below the threshold, are part of the call.
   */
  @Override
  public CompletableFuture<LlmResult<T>> handle(Call<T> call) {
    return turn(call, 0, new Turns<>());
  }

  private CompletableFuture<LlmResult<T>> turn(Call<T> call, int index, Turns<T> turns) {
    if (index == models.size()) {
      return turns.conclude(call, policy);
    }
    ModelChain<T> model = models.get(index);
    Call<T> turn = call.nextTurn();
    CompletableFuture<LlmResult<T>> answer = model.take(turn);
    return answer
        .handle((result, failure) -> judge(model, turn, result, failure == null ? null : Failures.unwrap(failure), turns))
        .thenCompose(Function.identity())
        .thenCompose(accepted -> accepted.isPresent()
            ? CompletableFuture.completedFuture(accepted.get())
            : turn(call, index + 1, turns));
  }

  /** Scores one model's answer; the result when it is accepted, else empty (the turn is noted in {@code turns}). */
  private CompletableFuture<Optional<LlmResult<T>>> judge(
      ModelChain<T> model, Call<T> turn, LlmResult<T> result, Throwable failure, Turns<T> turns) {
    if (failure != null && !(failure instanceof LlmOutputException)) {
      turns.failed(model.failedTurn(turn, failure), failure);
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Optional<Completion> completion = turn.completion();
    String text = completion.map(Completion::text).orElse("");
    Candidate<T> candidate = new Candidate<>(turn.spec(), turn.prompt(), turn.userId(),
        model.model().providerModel(), text == null ? "" : text, Optional.ofNullable(result).map(LlmResult::value),
        completion.map(Completion::truncated).orElse(false),
        completion.map(Completion::tokenLogprobs).orElse(List.of()));
    Attempt unscored = result != null ? result.attempts().get(0) : model.failedTurn(turn, failure);
    return score(candidate).thenApply(score -> {
      // An answer that did not decode cannot be returned, whatever a scorer thinks of it.
      boolean accepted = result != null && score.value() >= policy.threshold();
      Attempt attempt = unscored.scored(
          accepted ? Attempt.Outcome.ANSWERED : Attempt.Outcome.REJECTED, score.value(), score.costNanos(),
          score.reason());
      if (accepted) {
        return Optional.of(result.withAttempts(turns.then(attempt)));
      }
      turns.rejected(attempt, result, candidate);
      return Optional.empty();
    });
  }

  /** The scorer's verdict; a scorer that fails rates the answer 0 rather than losing the call. */
  private CompletableFuture<Score> score(Candidate<T> candidate) {
    CompletableFuture<Score> score;
    try {
      score = scorer.score(candidate).toCompletableFuture();
    } catch (RuntimeException e) {
      score = CompletableFuture.failedFuture(e);
    }
    return score.exceptionally(failure -> {
      Throwable cause = Failures.unwrap(failure);
      LOG.log(Level.WARNING, candidate.spec().feature() + ": the scorer " + scorer.getClass().getName()
          + " failed on " + candidate + "; its answer is rated 0", cause);
      return Score.of(0, "the scorer failed: " + cause);
    });
  }

  /** The turns of one call so far, and the best answer among them. */
  private static final class Turns<T> {
    private final List<Attempt> attempts = new ArrayList<>();
    private LlmResult<T> best;
    private int bestIndex = -1;
    private double bestScore = -1;
    private String bestText = "";
    private String bestModel;
    private Throwable lastFailure;

    List<Attempt> then(Attempt answered) {
      List<Attempt> all = new ArrayList<>(attempts);
      all.add(answered);
      return all;
    }

    void failed(Attempt attempt, Throwable failure) {
      attempts.add(attempt);
      lastFailure = failure;
    }

    void rejected(Attempt attempt, LlmResult<T> result, Candidate<T> candidate) {
      attempts.add(attempt);
      double score = attempt.score().orElse(0);
      if (bestModel == null || score >= bestScore) { // on a tie the later, stronger model's answer wins
        bestScore = score;
        bestText = candidate.text();
        bestModel = candidate.model();
      }
      if (result != null && (best == null || score >= attempts.get(bestIndex).score().orElse(0))) {
        best = result;
        bestIndex = attempts.size() - 1;
      }
    }

    CompletableFuture<LlmResult<T>> conclude(Call<T> call, CascadePolicy policy) {
      if (best != null && !policy.failBelowThreshold()) {
        attempts.set(bestIndex, attempts.get(bestIndex).withOutcome(Attempt.Outcome.ANSWERED_BELOW_THRESHOLD));
        return CompletableFuture.completedFuture(best.withAttempts(attempts));
      }
      if (bestModel == null && lastFailure != null) { // no model answered at all
        call.failedAfter(attempts);
        return CompletableFuture.failedFuture(lastFailure);
      }
      return CompletableFuture.failedFuture(new CascadeExhaustedException(
          call.spec().feature() + ": no answer of the cascade reached the threshold " + policy.threshold() + " ("
              + summary() + ")" + (best == null ? "; none decoded" : ""),
          call.spec().outputFormat().expected(), bestText, bestModel, attempts));
    }

    private String summary() {
      return attempts.stream()
          .map(attempt -> attempt.model() + ": " + attempt.score().stream()
              .mapToObj(score -> String.format("%.2f", score)).findFirst().orElse("failed")
              + " (" + attempt.detail() + ")")
          .collect(Collectors.joining(", "));
    }
  }
}
