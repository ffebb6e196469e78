package dev.llmgen.runtime.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

  @Test
  void aCountIsDigitsOnly() {
    assertEquals(OptionalLong.of(49), HeaderValues.count(" 49 "));
    assertEquals(OptionalLong.of(0), HeaderValues.count("0"));
    assertEquals(OptionalLong.empty(), HeaderValues.count("-5"));
    assertEquals(OptionalLong.empty(), HeaderValues.count("+5"));
    assertEquals(OptionalLong.empty(), HeaderValues.count("1e3"));
    assertEquals(OptionalLong.empty(), HeaderValues.count("many"));
    assertEquals(OptionalLong.empty(), HeaderValues.count(""));
    assertEquals(OptionalLong.empty(), HeaderValues.count("99999999999999999999"));
  }

  @Test
  void theWaitUntilAnInstantIsZeroOnceItHasPassed() {
    assertEquals(Duration.ofSeconds(90), HeaderValues.until(NOW.plusSeconds(90), NOW));
    assertEquals(Duration.ZERO, HeaderValues.until(NOW.minusSeconds(1), NOW));
  }
}
