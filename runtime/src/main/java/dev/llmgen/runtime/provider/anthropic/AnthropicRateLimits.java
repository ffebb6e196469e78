package dev.llmgen.runtime.provider.anthropic;

import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.http.HeaderValues;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Anthropic's {@code anthropic-ratelimit-*} headers. Each limit is a window with a
 * {@code -remaining} count and a {@code -reset} instant (RFC 3339), which becomes a duration from the
 * moment the response arrived. Tokens are limited three ways at once, in total and for input and
 * output apart; the one with the fewest tokens left is the one a caller runs into first, so it is the
 * one reported. A header that cannot be read is left out rather than failing the answer it came with.
 */
final class AnthropicRateLimits {

  private static final String PREFIX = "anthropic-ratelimit-";
  private static final List<String> TOKEN_LIMITS = List.of("tokens", "input-tokens", "output-tokens");

  private AnthropicRateLimits() {}

  /** @param now when the response arrived */
  static RateLimitStatus read(HttpHeaders headers, Instant now) {
    Window requests = window(headers, "requests", now);
    Window tokens = TOKEN_LIMITS.stream()
        .map(limit -> window(headers, limit, now))
        .filter(window -> window.remaining().isPresent())
        .min(Comparator.comparingLong(window -> window.remaining().getAsLong()))
        .orElse(Window.UNKNOWN);
    return new RateLimitStatus(requests.remaining(), requests.reset(), tokens.remaining(), tokens.reset());
  }

  private static Window window(HttpHeaders headers, String limit, Instant now) {
    return new Window(
        headers.firstValue(PREFIX + limit + "-remaining").map(HeaderValues::count)
            .orElse(OptionalLong.empty()),
        headers.firstValue(PREFIX + limit + "-reset").flatMap(value -> untilInstant(value, now)));
  }

  private static Optional<Duration> untilInstant(String value, Instant now) {
    try {
      return Optional.of(HeaderValues.until(
          OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), now));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** One limit: how much is left of it and when it is whole again. */
  private record Window(OptionalLong remaining, Optional<Duration> reset) {

    static final Window UNKNOWN = new Window(OptionalLong.empty(), Optional.empty());
  }
}
