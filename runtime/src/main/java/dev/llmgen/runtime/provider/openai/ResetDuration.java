package dev.llmgen.runtime.provider.openai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reset times of OpenAI's rate-limit headers, which are Go durations: decimal numbers with
 * a unit each, largest first, as in {@code 20ms}, {@code 1s}, {@code 6m0s} or {@code 1h2m3.5s}.
 */
final class ResetDuration {

  // "ms" before "m", so that 20ms is not read as 20 minutes and a stray s.
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(h|ms|us|µs|μs|ns|m|s)");
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "h", 3_600_000_000_000L, "m", 60_000_000_000L, "s", 1_000_000_000L, "ms", 1_000_000L,
      "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ns", 1L);

  private ResetDuration() {}

  /** The duration {@code value} spells, rounded to the nanosecond; empty when it is not a Go duration. */
  static Optional<Duration> parse(String value) {
    String text = value.strip();
    Matcher part = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int position = 0;
    while (position < text.length()) {
      part.region(position, text.length());
      if (!part.lookingAt()) {
        return Optional.empty();
      }
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
      position = part.end();
    }
    if (position == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    } catch (ArithmeticException e) {
      return Optional.empty(); // longer than 292 years
    }
  }
}
