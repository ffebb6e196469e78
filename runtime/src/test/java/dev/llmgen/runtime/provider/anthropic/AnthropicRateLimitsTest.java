package dev.llmgen.runtime.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmgen.runtime.provider.RateLimitStatus;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnthropicRateLimitsTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void readsTheRequestAndTokenWindowsAsDurationsFromNow() {
    RateLimitStatus status = read(Map.of(
        "anthropic-ratelimit-requests-remaining", "49",
        "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:01.500Z",
        "anthropic-ratelimit-tokens-remaining", "38000",
        "anthropic-ratelimit-tokens-reset", "2025-06-01T14:00:06+02:00"));

    assertEquals(
        new RateLimitStatus(OptionalLong.of(49), Optional.of(Duration.ofMillis(1500)),
            OptionalLong.of(38000), Optional.of(Duration.ofSeconds(6))),
        status);
  }

  @Test
  void reportsTheTokenWindowWithTheFewestTokensLeft() {
    RateLimitStatus status = read(Map.of(
        "anthropic-ratelimit-tokens-remaining", "38000",
        "anthropic-ratelimit-tokens-reset", "2025-06-01T12:00:06Z",
        "anthropic-ratelimit-input-tokens-remaining", "2100",
        "anthropic-ratelimit-input-tokens-reset", "2025-06-01T12:00:09Z",
        "anthropic-ratelimit-output-tokens-remaining", "7600",
        "anthropic-ratelimit-output-tokens-reset", "2025-06-01T12:00:04Z"));

    assertEquals(OptionalLong.of(2100), status.remainingTokens());
    assertEquals(Optional.of(Duration.ofSeconds(9)), status.tokensReset());
  }

  @Test
  void ignoresHeadersItCannotRead() {
    RateLimitStatus status = read(Map.of(
        "anthropic-ratelimit-requests-remaining", "many",
        "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:01Z",
        "anthropic-ratelimit-tokens-remaining", "-5",
        "anthropic-ratelimit-input-tokens-remaining", "900",
        "anthropic-ratelimit-input-tokens-reset", "in a minute"));

    assertEquals(
        new RateLimitStatus(OptionalLong.empty(), Optional.of(Duration.ofSeconds(1)),
            OptionalLong.of(900), Optional.empty()),
        status);
  }

  @Test
  void countsAResetAlreadyPastAsNoWait() {
    RateLimitStatus status = read(Map.of(
        "anthropic-ratelimit-requests-remaining", "0",
        "anthropic-ratelimit-requests-reset", "2025-06-01T11:59:59Z"));

    assertEquals(Optional.of(Duration.ZERO), status.requestsReset());
  }

  @Test
  void knowsNothingWithoutHeaders() {
    assertEquals(RateLimitStatus.UNKNOWN, read(Map.of("content-type", "application/json")));
  }

  private static RateLimitStatus read(Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return AnthropicRateLimits.read(HttpHeaders.of(multi, (name, value) -> true), NOW);
  }
}
