package dev.llmgen.runtime.provider.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventParserTest {

  private static List<ServerSentEvent> parse(String... lines) {
    ServerSentEventParser parser = new ServerSentEventParser();
    List<ServerSentEvent> events = new ArrayList<>();
    for (String line : lines) {
      parser.accept(line).ifPresent(events::add);
    }
    return events;
  }

  @Test
  void aBlankLineDispatchesAMessageEvent() {
    assertEquals(List.of(new ServerSentEvent("message", "{\"a\":1}")), parse("data: {\"a\":1}", ""));
  }

  @Test
  void theEventFieldNamesTheType() {
    assertEquals(
        List.of(new ServerSentEvent("content_block_delta", "{}"), new ServerSentEvent("message", "x")),
        parse("event: content_block_delta", "data: {}", "", "data: x", ""));
  }

  @Test
  void dataLinesAreJoinedWithNewlines() {
    assertEquals(List.of(new ServerSentEvent("YHOO\n+2\n10")), parse("data: YHOO", "data: +2", "data: 10", ""));
  }

  @Test
  void onlyOneLeadingSpaceOfAValueIsDropped() {
    assertEquals(
        List.of(new ServerSentEvent("x"), new ServerSentEvent(" x"), new ServerSentEvent("a: b:c ")),
        parse("data:x", "", "data:  x", "", "data: a: b:c ", ""));
  }

  @Test
  void aFieldWithoutAColonHasAnEmptyValue() {
    // The specification's own example: two events, with data "" and "\n"; the last is never ended.
    assertEquals(
        List.of(new ServerSentEvent(""), new ServerSentEvent("\n")),
        parse("data", "", "data", "data", "", "data:"));
  }

  @Test
  void commentsAreIgnored() {
    assertEquals(List.of(new ServerSentEvent("x")), parse(": OPENROUTER PROCESSING", "data: x", ":", ""));
  }

  @Test
  void anEventWithoutDataIsNotDispatchedAndItsTypeIsForgotten() {
    assertEquals(List.of(new ServerSentEvent("x")), parse("event: ping", "", "", "data: x", ""));
  }

  @Test
  void idRetryAndUnknownFieldsAreIgnored() {
    assertEquals(
        List.of(new ServerSentEvent("x")),
        parse("id: 7", "retry: 3000", "Data: shouted", "event : spaced", "data: x", ""));
  }

  @Test
  void aTrailingCarriageReturnIsDropped() {
    assertEquals(
        List.of(new ServerSentEvent("ping", "x")),
        parse("event: ping\r", "data: x\r", "\r"));
  }

  @Test
  void aByteOrderMarkStartingTheStreamIsDropped() {
    assertEquals(List.of(new ServerSentEvent("x")), parse("\uFEFFdata: x", ""));
    assertEquals(List.of(), parse("data: x", "\uFEFF"), "only at the very start");
  }

  @Test
  void anEventTheStreamEndsInIsNeverDispatched() {
    assertEquals(List.of(new ServerSentEvent("a")), parse("data: a", "", "data: b"));
  }

  @Test
  void aDoneMarkerIsOrdinaryData() {
    assertEquals(List.of(new ServerSentEvent("[DONE]")), parse("data: [DONE]", ""));
  }
}
