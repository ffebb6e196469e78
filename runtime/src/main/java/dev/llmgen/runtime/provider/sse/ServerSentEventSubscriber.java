package dev.llmgen.runtime.provider.sse;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads the lines of an HTTP response body as server-sent events and hands each to a callback, on the
 * thread that delivers the body, so no thread waits for the next event. Use it through
 * {@link SseBodyHandler}, or give it to {@link java.net.http.HttpResponse.BodySubscribers#fromLineSubscriber}.
 *
 * <p>{@link #cancel()} cancels the body's subscription, which makes the JDK {@code HttpClient} abort the
 * exchange (it closes an HTTP/1.1 connection, resets an HTTP/2 stream), so the server stops writing and
 * a provider stops charging. No event reaches the callback once {@link #completion()} is done.
 */
public final class ServerSentEventSubscriber implements Flow.Subscriber<String> {

  private final Consumer<ServerSentEvent> onEvent;
  private final ServerSentEventParser parser = new ServerSentEventParser();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile boolean bodyEnded;

  /**
   * @param onEvent called with each event, in order, one call at a time; an exception it throws ends
   *     the stream: the exchange is aborted and {@link #completion()} fails with that exception
   */
  public ServerSentEventSubscriber(Consumer<ServerSentEvent> onEvent) {
    this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
    // However the completion is settled before the body ended (cancel, a failing callback, a caller
    // completing it), the server is told to stop.
    completion.whenComplete((ignored, failure) -> {
      if (!bodyEnded) {
        Flow.Subscription current = subscription.get();
        if (current != null) {
          current.cancel();
        }
      }
    });
  }

  /**
   * Completes normally once the body has ended, exceptionally with the transport's failure or the
   * callback's exception, and is cancelled by {@link #cancel()}. Settling it by other means, cancelling
   * it included, stops the stream as {@link #cancel()} does.
   */
  public CompletableFuture<Void> completion() {
    return completion;
  }

  /** Stops the stream at once and aborts the HTTP exchange; does nothing once the stream has ended. */
  public void cancel() {
    completion.cancel(false);
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    if (!subscription.compareAndSet(null, newSubscription)) {
      newSubscription.cancel(); // one subscriber reads one body
      return;
    }
    if (completion.isDone()) { // cancelled before the body arrived
      newSubscription.cancel();
      return;
    }
    newSubscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (completion.isDone()) {
      return; // lines already in flight when the stream was stopped
    }
    try {
      parser.accept(line).ifPresent(onEvent);
    } catch (RuntimeException e) {
      completion.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable failure) {
    bodyEnded = true;
    completion.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    bodyEnded = true;
    completion.complete(null);
  }
}
