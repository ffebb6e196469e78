package dev.llmgen.runtime.provider.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ServerSentEventSubscriberTest {

  private final List<ServerSentEvent> received = new ArrayList<>();
  private final RecordingSubscription subscription = new RecordingSubscription();

  @Test
  void handsOverEachEventAndCompletesAtTheEndOfTheBody() {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);

    events.onSubscribe(subscription);
    List.of("data: a", "", "event: end", "data: b", "").forEach(events::onNext);
    events.onComplete();

    assertEquals(List.of(new ServerSentEvent("a"), new ServerSentEvent("end", "b")), received);
    assertEquals(Long.MAX_VALUE, subscription.requested);
    assertTrue(events.completion().isDone() && !events.completion().isCompletedExceptionally());
    assertFalse(subscription.cancelled, "a body that ended is not cancelled");
  }

  @Test
  void cancelStopsTheSubscriptionAndDropsLinesInFlight() {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);
    events.onSubscribe(subscription);

    events.cancel();
    List.of("data: late", "").forEach(events::onNext);

    assertTrue(subscription.cancelled);
    assertTrue(events.completion().isCancelled());
    assertEquals(List.of(), received);
  }

  @Test
  void aStreamCancelledBeforeTheBodyArrivesIsCancelledOnArrival() {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);

    events.cancel();
    events.onSubscribe(subscription);

    assertTrue(subscription.cancelled);
    assertEquals(0, subscription.requested);
  }

  @Test
  void aCallbackThatThrowsEndsTheStreamWithItsException() {
    IllegalStateException thrown = new IllegalStateException("bad chunk");
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(event -> {
      throw thrown;
    });
    events.onSubscribe(subscription);

    List.of("data: x", "").forEach(events::onNext);

    assertTrue(subscription.cancelled);
    Throwable failure = events.completion().handle((ignored, error) -> error).join();
    assertSame(thrown, failure);
  }

  @Test
  void aTransportFailureFailsTheCompletion() {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);
    events.onSubscribe(subscription);
    IOException reset = new IOException("connection reset");

    events.onError(reset);

    assertSame(reset, events.completion().handle((ignored, error) -> error).join());
    assertFalse(subscription.cancelled);
  }

  @Test
  void aSecondSubscriptionIsRefused() {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);
    RecordingSubscription second = new RecordingSubscription();

    events.onSubscribe(subscription);
    events.onSubscribe(second);

    assertTrue(second.cancelled);
    assertFalse(subscription.cancelled);
  }

  private static final class RecordingSubscription implements Flow.Subscription {

    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
