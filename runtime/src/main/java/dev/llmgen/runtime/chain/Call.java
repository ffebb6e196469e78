package dev.llmgen.runtime.chain;

import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.StreamListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One invocation of a service method on its way through the call chain. A call that asks several
 * models (fallbacks, cascades) gives each model's turn a call of its own, {@link #nextTurn()}, so that
 * what is counted and remembered per turn stays apart.
 */
public final class Call<T> {

  private final CallSpec<T> spec;
  private final String prompt;
  private final String userId;
  private final Ticker ticker;
  private final long startNanos;
  private final StreamListener listener;
  private final Invocation invocation;
  // Written and read by the stages of one turn, which run one after another: no lock needed, and
  // volatile because a retry or a rate-limit wait resumes the turn on another thread.
  private volatile Encoding countedWith;
  private volatile int inputTokens;
  private volatile int requests;
  private volatile boolean streamStarted;
  private volatile Completion completion;

  /**
   * @param spec the method's call specification
   * @param prompt the rendered user message
   * @param userId the {@code @UserId} argument, or {@code null} when the method has none
   * @param ticker the runtime's ticker, which times the call and its stages
   * @param startNanos when the call started, by {@code ticker}
   */
  public Call(CallSpec<T> spec, String prompt, String userId, Ticker ticker, long startNanos) {
    this(spec, prompt, userId, ticker, startNanos, null, new Invocation());
  }

  private Call(CallSpec<T> spec, String prompt, String userId, Ticker ticker, long startNanos,
      StreamListener listener, Invocation invocation) {
    this.spec = spec;
    this.prompt = prompt;
    this.userId = userId;
    this.ticker = ticker;
    this.startNanos = startNanos;
    this.listener = listener;
    this.invocation = invocation;
  }

  /** A call whose answer goes to {@code listener} as it is written. */
  public static <T> Call<T> streaming(
      CallSpec<T> spec, String prompt, String userId, Ticker ticker, long startNanos, StreamListener listener) {
    return new Call<>(spec, prompt, userId, ticker, startNanos, listener, new Invocation());
  }

  /**
   * The same invocation, for the next model's turn: nothing counted, nothing sent yet; its stages'
   * times add to this call's.
   */
  public Call<T> nextTurn() {
    return new Call<>(spec, prompt, userId, ticker, startNanos, listener, invocation);
  }

  public CallSpec<T> spec() {
    return spec;
  }

  public String prompt() {
    return prompt;
  }

  public String userId() {
    return userId;
  }

  public long startNanos() {
    return startNanos;
  }

  /** The time now, by the runtime's ticker: where a stage starts. */
  public long nanoTime() {
    return ticker.nanoTime();
  }

  /**
   * Adds the time from {@code startedNanos} to now to {@code stage}.
   *
   * @return the time now, where the next stage starts
   */
  public long stageEnded(TimedStage stage, long startedNanos) {
    long now = ticker.nanoTime();
    invocation.add(stage, now - startedNanos);
    return now;
  }

  /** The time each stage took so far. */
  public StageTimings timings() {
    return invocation.timings();
  }

  /**
   * Notes that the call failed after asking several models, each in a turn of its own: what each turn
   * sent and what it cost are then known to the outermost stage, which sees only the failure.
   */
  public void failedAfter(List<Attempt> turns) {
    invocation.failedAfter(turns);
  }

  /**
   * The turns of a call that failed after asking several models, as {@link #failedAfter} noted them;
   * empty for a call that asked one model, whose only turn is this call.
   */
  public List<Attempt> failedTurns() {
    return invocation.failedTurns();
  }

  /**
   * The request's input tokens, counted once per tokenizer however many stages ask (budget and rate
   * limit both do).
   */
  public int inputTokens(ModelBinding model) {
    if (countedWith != model.encoding()) {
      inputTokens = model.countInput(spec.system(), prompt);
      countedWith = model.encoding();
    }
    return inputTokens;
  }

  /** Where a streamed answer goes; empty for a call that waits for the whole answer. */
  public Optional<StreamListener> listener() {
    return Optional.ofNullable(listener);
  }

  /**
   * Whether any text of a streamed answer has reached its consumer. From then on the call can be
   * neither retried nor handed to another model: the consumer would see the answer twice.
   */
  public boolean streamStarted() {
    return streamStarted;
  }

  /** Whether the consumer of a streamed answer has cancelled it. */
  public boolean cancelled() {
    return listener != null && listener.cancellation().toCompletableFuture().isDone();
  }

  /** Requests sent to the provider in this turn, retries included. */
  public int requests() {
    return requests;
  }

  /** The provider's last answer in this turn, before decoding: what a cascade's scorer reads. */
  public Optional<Completion> completion() {
    return Optional.ofNullable(completion);
  }

  /** The listener the provider writes to: it notes that the stream has started, then passes text on. */
  StreamListener providerListener() {
    return new StreamListener() {
      @Override
      public void onText(String text) {
        streamStarted = true;
        listener.onText(text);
      }

      @Override
      public CompletionStage<Void> cancellation() {
        return listener.cancellation();
      }
    };
  }

  void requestSent() {
    requests++;
  }

  void answered(Completion completion) {
    this.completion = completion;
  }

  @Override
  public String toString() {
    return "Call[" + spec.feature() + (userId == null ? "" : " for " + userId) + "]";
  }
}
