package dev.llmgen.runtime.provider.sse;

import java.util.Optional;

/**
 * Turns the lines of a {@code text/event-stream} into events, by the rules of the WHATWG HTML
 * specification (section 9.2.6, "Interpreting an event stream"): {@code field: value} with one leading
 * space of the value dropped, {@code data} lines joined with {@code \n}, lines starting with {@code :}
 * are comments, a blank line ends an event, and an event without data is dropped. {@code id} and
 * {@code retry} only matter to a client that reconnects, which llmgen never does (a request is sent
 * once), so they are ignored with every unknown field. An event the stream ends in the middle of is
 * never dispatched.
 *
 * <p>One parser reads one stream, one line at a time; it is not thread-safe.
 */
public final class ServerSentEventParser {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private boolean firstLine = true;

  /**
   * Reads the next line.
   *
   * @param line a line without its terminator; a trailing CR, which splitters that break lines at LF
   *     alone leave behind, is dropped
   * @return the event this line completes, if it is the blank line after one
   */
  public Optional<ServerSentEvent> accept(String line) {
    String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (firstLine) {
      firstLine = false;
      if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
        text = text.substring(1);
      }
    }
    if (text.isEmpty()) {
      return dispatch();
    }
    if (text.charAt(0) == ':') {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : valueAfter(text, colon);
    if (field.equals("event")) {
      eventType = value;
    } else if (field.equals("data")) {
      data.append(value).append('\n');
    }
    return Optional.empty();
  }

  private Optional<ServerSentEvent> dispatch() {
    if (data.length() == 0) {
      eventType = "";
      return Optional.empty();
    }
    String joined = data.substring(0, data.length() - 1); // the last data line's \n
    ServerSentEvent event =
        new ServerSentEvent(eventType.isEmpty() ? ServerSentEvent.DEFAULT_EVENT : eventType, joined);
    data.setLength(0);
    eventType = "";
    return Optional.of(event);
  }

  private static String valueAfter(String text, int colon) {
    int start = colon + 1;
    if (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    return text.substring(start);
  }
}
