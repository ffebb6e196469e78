package dev.llmgen.runtime.provider.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads an HTTP {@code Retry-After} header: delay seconds, or an HTTP date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait a response's {@code Retry-After} header asks for; empty without one, or one of neither form. */
  public static Optional<Duration> read(HttpHeaders headers, Instant now) {
    return headers.firstValue("Retry-After").flatMap(value -> parse(value, now));
  }

  /** The wait the header asks for, counted from {@code now}; empty when the value is neither form. */
  static Optional<Duration> parse(String value, Instant now) {
    OptionalLong seconds = HeaderValues.count(value);
    if (seconds.isPresent()) {
      return Optional.of(Duration.ofSeconds(seconds.getAsLong()));
    }
    try {
      return Optional.of(HeaderValues.until(
          ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), now));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
