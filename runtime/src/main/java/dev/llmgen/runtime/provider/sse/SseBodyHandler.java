package dev.llmgen.runtime.provider.sse;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a 2xx response as a server-sent event stream into one {@link ServerSentEventSubscriber}, and any
 * other response as a {@link String}, for requests that ask for a stream:
 *
 * <pre>{@code
 * ServerSentEventSubscriber events = new ServerSentEventSubscriber(this::onEvent);
 * httpClient.sendAsync(request, new SseBodyHandler(events)).thenAccept(response -> {
 *   if (response.body() instanceof SseBody.ErrorBody error) { ... } // else events arrive at onEvent
 * });
 * }</pre>
 *
 * <p>Unlike a body read whole, the future of {@code sendAsync} completes as soon as the headers of a
 * 2xx response are in, so the status and headers can be read while events still arrive; the end of
 * the stream is {@link ServerSentEventSubscriber#completion()}. For an error status the subscriber is
 * never subscribed, so its completion only settles when it is cancelled. The stream is always UTF-8,
 * as the specification requires. One handler serves one request.
 */
public final class SseBodyHandler implements HttpResponse.BodyHandler<SseBody> {

  private final ServerSentEventSubscriber events;

  public SseBodyHandler(ServerSentEventSubscriber events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public BodySubscriber<SseBody> apply(ResponseInfo response) {
    if (response.statusCode() / 100 != 2) {
      return BodySubscribers.mapping(HttpResponse.BodyHandlers.ofString().apply(response), SseBody.ErrorBody::new);
    }
    BodySubscriber<Void> lines =
        BodySubscribers.fromLineSubscriber(events, subscriber -> null, StandardCharsets.UTF_8, null);
    return new AvailableAtOnce(lines, new SseBody.Events(events));
  }

  /**
   * A body subscriber whose value is known before the body is read, so the JDK completes the response
   * future at the headers (as it does for {@code ofInputStream}) while the bytes still flow to
   * {@code delegate}.
   */
  private static final class AvailableAtOnce implements BodySubscriber<SseBody> {

    private final BodySubscriber<Void> delegate;
    private final CompletableFuture<SseBody> body;

    AvailableAtOnce(BodySubscriber<Void> delegate, SseBody body) {
      this.delegate = delegate;
      this.body = CompletableFuture.completedFuture(body);
    }

    @Override
    public CompletionStage<SseBody> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }
  }
}
