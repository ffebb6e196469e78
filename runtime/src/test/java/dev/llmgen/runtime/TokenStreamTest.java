package dev.llmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.provider.StreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The publisher of a streamed answer: demand, one subscriber, cancellation, failures and concurrency. */
class TokenStreamTest {

  private static final LlmResult<String> ANSWER =
      LlmResult.answered("abc", "gpt-4o-mini", "fake", 1, 10, 3, 0, 1_000, Duration.ZERO);

  private final AtomicInteger starts = new AtomicInteger();
  private final CompletableFuture<LlmResult<String>> call = new CompletableFuture<>();
  private volatile StreamListener listener;
  private final TokenStream stream = new TokenStream(listener -> {
    starts.incrementAndGet();
    this.listener = listener;
    return call;
  });

  @Test
  void theCallStartsOnSubscriptionNotBefore() {
    assertEquals(0, starts.get());

    stream.subscribe(new RecordingSubscriber(0));

    assertEquals(1, starts.get());
  }

  @Test
  void piecesAreDeliveredOnlyAsTheyAreRequested() {
    RecordingSubscriber subscriber = new RecordingSubscriber(0);
    stream.subscribe(subscriber);
    listener.onText("a");
    listener.onText("b");
    listener.onText("c");

    assertEquals(List.of(), subscriber.signals());
    subscriber.request(1);
    assertEquals(List.of("a"), subscriber.pieces());
    subscriber.request(1);
    assertEquals(List.of("a", "b"), subscriber.pieces());

    call.complete(ANSWER);
    assertEquals(List.of(), subscriber.terminalSignals(), "c is still waiting for demand");

    subscriber.request(5);
    assertEquals(List.of("a", "b", "c"), subscriber.pieces());
    assertEquals(List.of("complete"), subscriber.terminalSignals().stream().map(RecordingSubscriber.Signal::kind).toList());
  }

  @Test
  void demandGivenAheadIsUsedAsPiecesArrive() {
    RecordingSubscriber subscriber = new RecordingSubscriber(2);
    stream.subscribe(subscriber);

    listener.onText("a");
    listener.onText("b");
    listener.onText("c");

    assertEquals(List.of("a", "b"), subscriber.pieces());
  }

  @Test
  void everyPieceThenOnCompleteThenTheResult() throws Exception {
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(subscriber);

    listener.onText("a");
    listener.onText("bc");
    assertFalse(subscriber.completed());
    call.complete(ANSWER);

    assertEquals(List.of("next", "next", "complete"), kinds(subscriber));
    assertEquals(List.of("a", "bc"), subscriber.pieces());
    assertSame(ANSWER, stream.result().get());
  }

  @Test
  void aSecondSubscriberIsRefusedAndTheFirstGoesOn() {
    RecordingSubscriber first = new RecordingSubscriber(Long.MAX_VALUE);
    RecordingSubscriber second = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(first);

    stream.subscribe(second);
    listener.onText("a");

    assertTrue(second.subscribed(), "rule 1.9: onSubscribe comes before onError");
    assertInstanceOf(IllegalStateException.class, second.failure().orElseThrow());
    assertEquals(List.of(), second.pieces());
    assertEquals(List.of("a"), first.pieces());
    assertEquals(1, starts.get());
  }

  @Test
  void cancellingTellsTheProviderAndStopsEverySignal() throws Exception {
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(subscriber);
    listener.onText("a");

    subscriber.cancel();
    listener.onText("b");
    call.complete(ANSWER);

    assertTrue(listener.cancellation().toCompletableFuture().isDone());
    assertEquals(List.of("next"), kinds(subscriber));
    assertSame(ANSWER, stream.result().get(), "what was produced until the cancellation is still reported");
  }

  @Test
  void cancellingInsideOnNextDeliversNoMorePiecesAndNoOnComplete() {
    RecordingSubscriber subscriber = new RecordingSubscriber(0).onEachPiece((self, piece) -> self.cancel());
    stream.subscribe(subscriber);
    listener.onText("a");
    listener.onText("b");
    call.complete(ANSWER);

    subscriber.request(2);

    assertEquals(List.of("next"), kinds(subscriber));
  }

  @Test
  void aCallThatFailsAfterTheCancellationSendsNoOnError() {
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(subscriber);

    subscriber.cancel();
    call.completeExceptionally(new CancellationException("the stream was cancelled before the request was sent"));

    assertEquals(List.of(), subscriber.signals());
    assertTrue(stream.result().isCompletedExceptionally());
  }

  @Test
  void requestingZeroOrLessIsAnErrorThatAlsoStopsTheModel() {
    for (long n : new long[] {0, -1}) {
      CompletableFuture<LlmResult<String>> pending = new CompletableFuture<>();
      List<StreamListener> listeners = new ArrayList<>();
      TokenStream fresh = new TokenStream(listener -> {
        listeners.add(listener);
        return pending;
      });
      RecordingSubscriber subscriber = new RecordingSubscriber(0);
      fresh.subscribe(subscriber);

      subscriber.request(n);
      listeners.get(0).onText("a");
      subscriber.request(1);

      assertEquals(List.of("error"), kinds(subscriber), "request(" + n + ")");
      assertInstanceOf(IllegalArgumentException.class, subscriber.failure().orElseThrow());
      assertTrue(listeners.get(0).cancellation().toCompletableFuture().isDone(), "rule 3.9");
    }
  }

  @Test
  void aFailedCallEndsTheStreamWithItsFailureUnwrapped() {
    RecordingSubscriber subscriber = new RecordingSubscriber(1);
    stream.subscribe(subscriber);
    listener.onText("a");
    LlmProviderException failure = ScriptedProvider.status(503);

    call.completeExceptionally(new CompletionException(failure));

    assertEquals(List.of("next", "error"), kinds(subscriber));
    assertSame(failure, subscriber.failure().orElseThrow());
    ExecutionException thrown = assertThrows(
        ExecutionException.class, () -> stream.result().get());
    assertSame(failure, thrown.getCause());
  }

  @Test
  void aFailureIsSignalledAtOnceEvenWithPiecesWaitingForDemand() {
    RecordingSubscriber subscriber = new RecordingSubscriber(0);
    stream.subscribe(subscriber);
    listener.onText("a");
    LlmProviderException failure = ScriptedProvider.status(500);

    call.completeExceptionally(failure);

    assertEquals(List.of("error"), kinds(subscriber));
    assertSame(failure, subscriber.failure().orElseThrow());
  }

  @Test
  void askingForTheResultAloneStartsTheCallAndTakesTheOneSubscription() throws Exception {
    CompletableFuture<LlmResult<String>> result = stream.result();
    assertEquals(1, starts.get());
    assertFalse(result.isDone());

    listener.onText("a");
    listener.onText("bc");
    call.complete(ANSWER);

    assertSame(ANSWER, result.get());
    assertSame(result, stream.result());
    assertEquals(1, starts.get());
    RecordingSubscriber late = new RecordingSubscriber(Long.MAX_VALUE);
    stream.subscribe(late);
    assertInstanceOf(IllegalStateException.class, late.failure().orElseThrow());
  }

  @Test
  void aStartThatThrowsFailsTheStream() {
    IllegalStateException bug = new IllegalStateException("bug");
    TokenStream broken = new TokenStream(listener -> {
      throw bug;
    });
    RecordingSubscriber subscriber = new RecordingSubscriber(1);

    broken.subscribe(subscriber);

    assertSame(bug, subscriber.failure().orElseThrow());
    assertTrue(broken.result().isCompletedExceptionally());
  }

  /**
   * The provider writes from its thread while the consumer requests one piece at a time from another:
   * every piece arrives once, in order, and {@code onNext} is never entered by two threads at once.
   */
  @Test
  void piecesWrittenAndRequestedFromTwoThreadsArriveOnceInOrderNeverConcurrently() throws Exception {
    int pieces = 2_000;
    for (int round = 0; round < 50; round++) {
      CompletableFuture<LlmResult<String>> pending = new CompletableFuture<>();
      CompletableFuture<StreamListener> started = new CompletableFuture<>();
      TokenStream concurrent = new TokenStream(listener -> {
        started.complete(listener);
        return pending;
      });
      OverlapDetector subscriber = new OverlapDetector();
      concurrent.subscribe(subscriber);
      StreamListener writerEnd = started.getNow(null);
      CountDownLatch go = new CountDownLatch(1);
      Thread writer = new Thread(() -> {
        await(go);
        for (int i = 0; i < pieces; i++) {
          writerEnd.onText(Integer.toString(i));
        }
        pending.complete(ANSWER);
      });
      Thread reader = new Thread(() -> {
        await(go);
        for (int i = 0; i < pieces; i++) {
          subscriber.subscription.request(1);
        }
      });

      writer.start();
      reader.start();
      go.countDown();
      writer.join(TimeUnit.SECONDS.toMillis(30));
      reader.join(TimeUnit.SECONDS.toMillis(30));

      assertEquals(0, subscriber.overlaps.get(), "round " + round + ": onNext ran on two threads at once");
      assertEquals(IntStream.range(0, pieces).mapToObj(Integer::toString).toList(), subscriber.received,
          "round " + round);
      assertEquals(1, subscriber.completions.get(), "round " + round);
    }
  }

  /** A cancellation racing with delivery never hands the subscriber a null piece or an end signal. */
  @Test
  void aCancellationRacingWithDeliveryNeverDeliversNullOrAnEndSignal() throws Exception {
    int pieces = 500;
    for (int round = 0; round < 1_000; round++) {
      CompletableFuture<StreamListener> started = new CompletableFuture<>();
      TokenStream racing = new TokenStream(listener -> {
        started.complete(listener);
        return new CompletableFuture<>();
      });
      OverlapDetector subscriber = new OverlapDetector();
      racing.subscribe(subscriber);
      subscriber.subscription.request(Long.MAX_VALUE);
      StreamListener writerEnd = started.getNow(null);
      CountDownLatch go = new CountDownLatch(1);
      Thread writer = new Thread(() -> {
        await(go);
        for (int i = 0; i < pieces; i++) {
          writerEnd.onText(Integer.toString(i));
        }
      });
      Thread canceller = new Thread(() -> {
        await(go);
        subscriber.subscription.cancel();
      });

      writer.start();
      canceller.start();
      go.countDown();
      writer.join(TimeUnit.SECONDS.toMillis(30));
      canceller.join(TimeUnit.SECONDS.toMillis(30));

      List<String> received = new ArrayList<>(subscriber.received);
      assertFalse(received.contains(null), "round " + round + ": onNext(null)");
      assertEquals(IntStream.range(0, received.size()).mapToObj(Integer::toString).toList(), received);
      assertEquals(0, subscriber.completions.get() + subscriber.errors.get(), "round " + round);
    }
  }

  /** Counts the threads inside {@code onNext}: more than one at a time breaks rule 1.3. */
  private static final class OverlapDetector implements Flow.Subscriber<String> {
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger completions = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
    }

    @Override
    public void onNext(String item) {
      if (inside.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      received.add(item);
      Thread.yield(); // widens the window in which a second thread could come in
      inside.decrementAndGet();
    }

    @Override
    public void onError(Throwable throwable) {
      errors.incrementAndGet();
    }

    @Override
    public void onComplete() {
      completions.incrementAndGet();
    }
  }

  private static List<String> kinds(RecordingSubscriber subscriber) {
    return subscriber.signals().stream().map(RecordingSubscriber.Signal::kind).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
