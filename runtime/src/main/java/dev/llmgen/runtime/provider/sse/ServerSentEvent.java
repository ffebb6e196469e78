package dev.llmgen.runtime.provider.sse;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream}.
 *
 * @param event the event type, {@value #DEFAULT_EVENT} when the stream named none
 * @param data the event's data lines joined with {@code \n}
 */
public record ServerSentEvent(String event, String data) {

  /** The type of an event without an {@code event:} field, as the SSE specification sets it. */
  public static final String DEFAULT_EVENT = "message";

  public ServerSentEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }

  /** An event without an {@code event:} field. */
  public ServerSentEvent(String data) {
    this(DEFAULT_EVENT, data);
  }
}
