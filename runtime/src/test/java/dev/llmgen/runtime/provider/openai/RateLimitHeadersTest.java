package dev.llmgen.runtime.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.provider.RateLimitStatus;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    values.forEach((name, value) -> lists.put(name, List.of(value)));
    return HttpHeaders.of(lists, (name, value) -> true);
  }

  @Test
  void readsAllFourHeaders() {
    RateLimitStatus status = RateLimitHeaders.read(headers(Map.of(
        "X-RateLimit-Remaining-Requests", "59",
        "x-ratelimit-reset-requests", "1s",
        "x-ratelimit-remaining-tokens", "149984",
        "x-ratelimit-reset-tokens", "6m0s")));

    assertEquals(
        new RateLimitStatus(OptionalLong.of(59), Optional.of(Duration.ofSeconds(1)), OptionalLong.of(149984),
            Optional.of(Duration.ofMinutes(6))),
        status);
    assertTrue(status.isKnown());
  }

  @Test
  void leavesOutWhatIsMissingOrMalformed() {
    RateLimitStatus status = RateLimitHeaders.read(headers(Map.of(
        "x-ratelimit-remaining-requests", "1e3",
        "x-ratelimit-reset-requests", "tomorrow",
        "x-ratelimit-remaining-tokens", "99999999999999999999")));

    assertEquals(RateLimitStatus.UNKNOWN, status);
    assertFalse(status.isKnown());
  }
}
