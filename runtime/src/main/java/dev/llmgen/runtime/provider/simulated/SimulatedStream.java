package dev.llmgen.runtime.provider.simulated;

import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.simulated.TokenPieces.Piece;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Hands a simulated answer to a listener piece by piece over the model's time: the first piece when
 * the first token is due, the others evenly spaced until the whole answer's time, when the future
 * completes. An answer slower than the timeout fails at the timeout, after the pieces due before it.
 * Cancelling stops the pieces and completes the future with the text so far, as a real stream does.
 * Handing over a piece and ending the stream take one lock, so no piece follows the end.
 */
final class SimulatedStream {

  /** Something due at a point of model time, counted from the request; it says whether the stream goes on. */
  private record Step(Duration at, BooleanSupplier action) {}

  private final Completion whole;
  private final StreamListener listener;
  private final ModelTime time;
  private final List<Step> steps = new ArrayList<>();
  private final CompletableFuture<Completion> answer = new CompletableFuture<>();
  private final Object lock = new Object();
  private final StringBuilder sent = new StringBuilder();
  private int sentTokens;
  private boolean ended;

  /**
   * @param whole the answer as {@link SimulatedProvider#complete} gives it
   * @param firstToken when the first piece is due
   * @param total when the whole answer is in
   */
  SimulatedStream(
      Completion whole, List<Piece> pieces, StreamListener listener, ModelTime time, Duration firstToken,
      Duration total, Duration timeout, LlmTimeoutException timedOut) {
    this.whole = whole;
    this.listener = listener;
    this.time = time;
    Duration gap = pieces.isEmpty() ? Duration.ZERO : total.minus(firstToken).dividedBy(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      steps.add(new Step(firstToken.plus(gap.multipliedBy(i)), () -> send(piece)));
    }
    steps.add(new Step(total, () -> end(whole)));
    steps.removeIf(step -> step.at().compareTo(timeout) > 0);
    if (total.compareTo(timeout) > 0) {
      steps.add(new Step(timeout, () -> fail(timedOut)));
    }
  }

  CompletableFuture<Completion> start() {
    listener.cancellation().thenRun(this::cancel);
    runFrom(0, Duration.ZERO);
    return answer;
  }

  /** Performs the steps from {@code index} on, each once its time has come; {@code now} is model time. */
  private void runFrom(int index, Duration now) {
    for (int i = index; i < steps.size(); i++) {
      Step step = steps.get(i);
      Duration wait = step.at().minus(now);
      if (!time.isInstant(wait)) {
        int resumeAt = i;
        time.after(wait, () -> {
          if (step.action().getAsBoolean()) {
            runFrom(resumeAt + 1, step.at());
          }
        });
        return;
      }
      if (!step.action().getAsBoolean()) {
        return;
      }
      now = step.at();
    }
  }

  private boolean send(Piece piece) {
    RuntimeException failure;
    synchronized (lock) {
      if (ended) {
        return false;
      }
      sent.append(piece.text());
      sentTokens += piece.tokens();
      try {
        listener.onText(piece.text());
        return true;
      } catch (RuntimeException e) { // a failing listener ends the stream, whatever thread it runs on
        ended = true;
        failure = e;
      }
    }
    answer.completeExceptionally(failure);
    return false;
  }

  private void cancel() {
    Completion soFar;
    synchronized (lock) {
      if (ended) {
        return;
      }
      ended = true;
      List<Double> logprobs = whole.tokenLogprobs();
      soFar = new Completion(
          sentTokens == 0 ? null : sent.toString(), whole.model(), Completion.FINISH_CANCELLED, Optional.empty(),
          logprobs.subList(0, Math.min(sentTokens, logprobs.size())), RateLimitStatus.UNKNOWN);
    }
    answer.complete(soFar); // outside the lock: the answer's dependents run here
  }

  private boolean end(Completion completion) {
    if (markEnded()) {
      answer.complete(completion);
    }
    return false;
  }

  private boolean fail(LlmTimeoutException timedOut) {
    if (markEnded()) {
      answer.completeExceptionally(timedOut);
    }
    return false;
  }

  /** Whether this call ended the stream, rather than a cancellation before it. */
  private boolean markEnded() {
    synchronized (lock) {
      boolean first = !ended;
      ended = true;
      return first;
    }
  }
}
