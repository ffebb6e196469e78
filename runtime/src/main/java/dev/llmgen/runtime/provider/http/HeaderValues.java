package dev.llmgen.runtime.provider.http;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Reads the values of response headers that servers write by hand, so a malformed one is left out, not fatal. */
public final class HeaderValues {

  private HeaderValues() {}

  /** A whole number of digits only (no sign, no fraction, no exponent); empty for anything else, or one past a long. */
  public static OptionalLong count(String value) {
    String digits = value.strip();
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // more digits than a long holds
    }
  }

  /** The wait from {@code now} until {@code at}; zero once it has passed. */
  public static Duration until(Instant at, Instant now) {
    Duration wait = Duration.between(now, at);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
