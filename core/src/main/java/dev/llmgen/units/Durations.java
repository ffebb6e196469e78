package dev.llmgen.units;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d} or ISO-8601 ({@code PT30S}). */
public final class Durations {

  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** @throws IllegalArgumentException saying which forms are accepted */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    Matcher matcher = SHORT_FORM.matcher(trimmed);
    if (matcher.matches()) {
      try {
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("'" + text + "' is longer than any duration Java can hold");
      }
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: write 500ms, 30s, 10m, 1h, 7d or ISO-8601 such as PT30S");
    }
  }
}
