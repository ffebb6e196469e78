package dev.llmgen.runtime.provider.sse;

import java.util.Objects;

/**
 * What {@link SseBodyHandler} made of a response: an event stream for a 2xx status, else the body the
 * server sent in its place, whole (errors come as JSON, not as events).
 */
public sealed interface SseBody {

  /**
   * A 2xx response whose events go to {@code subscriber} as they arrive. The response object is handed
   * over as soon as the headers are in, before any event.
   */
  record Events(ServerSentEventSubscriber subscriber) implements SseBody {

    public Events {
      Objects.requireNonNull(subscriber, "subscriber");
    }
  }

  /** The whole body of a response whose status is not 2xx, decoded with the charset it declares. */
  record ErrorBody(String body) implements SseBody {

    public ErrorBody {
      Objects.requireNonNull(body, "body");
    }
  }
}
