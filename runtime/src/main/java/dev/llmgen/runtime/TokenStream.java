package dev.llmgen.runtime;

import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.provider.StreamListener;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A streamed answer: a {@link Flow.Publisher} of the pieces of text as the model writes them, and the
 * {@link #result()} of the whole call once it ends. Declare a method's return type as
 * {@code Flow.Publisher<String>} or {@code TokenStream}.
 *
 * <p>The call starts when the stream is subscribed to (or {@link #result()} is asked for), not
 * before, and a stream has one subscriber. Pieces are delivered as the subscriber requests them;
 * those it has not requested yet wait in memory (an answer is at most {@code maxTokens} long).
 * Cancelling the subscription stops the model: the HTTP stream is closed, and the budget and
 * metrics are settled on the tokens produced until then, which {@link #result()} reports.
 */
public final class TokenStream implements Flow.Publisher<String> {

  private final Function<StreamListener, CompletableFuture<LlmResult<String>>> start;
  private final CompletableFuture<LlmResult<String>> result = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /** @param start sends the call, whose answer goes to the listener it is given */
  TokenStream(Function<StreamListener, CompletableFuture<LlmResult<String>>> start) {
    this.start = start;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("a TokenStream has one subscriber, and it already has one"));
      return;
    }
    Delivery delivery = new Delivery(subscriber);
    subscriber.onSubscribe(delivery);
    CompletableFuture<LlmResult<String>> call;
    try {
      call = start.apply(delivery);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete((answer, failure) -> {
      delivery.finish(failure == null ? null : Failures.unwrap(failure));
      if (failure == null) {
        result.complete(answer);
      } else {
        result.completeExceptionally(failure);
      }
    });
  }

  /**
   * The whole answer with its tokens and cost, once the stream has ended or been cancelled. Asking
   * for it on a stream nobody subscribed to starts the call, and its text is then only here.
   */
  public CompletableFuture<LlmResult<String>> result() {
    if (!subscribed.get()) {
      subscribe(new Drain());
    }
    return result;
  }

  /** Hands the pieces to the subscriber as it requests them, one signal at a time. */
  private static final class Delivery implements Flow.Subscription, StreamListener {

    private final Flow.Subscriber<? super String> subscriber;
    private final Queue<String> pieces = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger drains = new AtomicInteger();
    private final CompletableFuture<Void> cancellation = new CompletableFuture<>();
    private volatile boolean finished;
    private volatile Throwable failure;
    private boolean terminated; // only touched inside drain(), which one thread runs at a time

    Delivery(Flow.Subscriber<? super String> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void onText(String text) {
      pieces.add(text);
      drain();
    }

    @Override
    public CompletionStage<Void> cancellation() {
      return cancellation;
    }

    @Override
    public void request(long n) {
      if (n <= 0) { // Reactive Streams rule 3.9
        failure = new IllegalArgumentException("a subscriber must request a positive number of pieces, not " + n);
        finished = true;
        cancellation.complete(null);
      } else {
        demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancellation.complete(null);
      drain(); // the draining thread alone clears the pieces: clearing here could race with its poll
    }

    void finish(Throwable cause) {
      if (failure == null) {
        failure = cause;
      }
      finished = true;
      drain();
    }

    /** Whichever thread gets here first delivers for all, so the subscriber is never called concurrently. */
    private void drain() {
      if (drains.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        while (!stopped() && demand.get() > 0 && !pieces.isEmpty()) {
          demand.decrementAndGet();
          subscriber.onNext(pieces.poll());
        }
        if (!stopped() && finished && (pieces.isEmpty() || failure != null)) {
          terminated = true;
          if (failure == null) {
            subscriber.onComplete();
          } else {
            subscriber.onError(failure);
          }
        }
        missed = drains.addAndGet(-missed);
      } while (missed != 0);
    }

    /** Whether no more signals go out; checked before each, as the subscriber may cancel inside onNext. */
    private boolean stopped() {
      if (!terminated && cancellation.isDone() && failure == null) {
        terminated = true; // cancelled by the subscriber
        pieces.clear();
      }
      return terminated;
    }
  }

  /** The subscriber of a stream whose text nobody reads: it takes everything and keeps nothing. */
  private static final class Drain implements Flow.Subscriber<String> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
