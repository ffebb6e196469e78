package dev.llmgen.runtime.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

  @Test
  void readsRetryAfterInSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(20)), RetryAfter.parse(" 20 ", NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Mon, 10 Mar 2025 12:01:30 GMT", NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 10 Mar 2025 11:59:00 GMT", NOW));
  }

  @Test
  void ignoresRetryAfterItCannotRead() {
    assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("1.5", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999999", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
  }

  @Test
  void readsTheHeaderWhicheverWayItsNameIsWritten() {
    assertEquals(Optional.of(Duration.ofSeconds(17)), RetryAfter.read(headers("retry-after", "17"), NOW));
    assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.read(headers("Retry-After", "2"), NOW));
    assertEquals(Optional.empty(), RetryAfter.read(headers("x-ratelimit-reset-requests", "2s"), NOW));
  }

  private static HttpHeaders headers(String name, String value) {
    return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
  }
}
