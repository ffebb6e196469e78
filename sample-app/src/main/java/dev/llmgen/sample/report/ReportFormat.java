package dev.llmgen.sample.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the reports write money, durations, shares and counts, the same on the page and on the console. */
public final class ReportFormat {

  private static final int NANOS_SCALE = 9;
  /**
   * A whole run often costs cents, so amounts under a dollar keep four significant digits (or as many as
   * nanodollars have).
   */
  private static final MathContext SIGNIFICANT_DIGITS = new MathContext(4, RoundingMode.HALF_UP);
  private static final int CENTS = 2;
  private static final Duration SECONDS_FROM = Duration.ofSeconds(10);

  private ReportFormat() {
  }

  /** {@code $1234.57}, {@code $0.03120}, {@code $0.0001235}, {@code $0.00}, {@code -$0.5000}. */
  public static String usd(long nanos) {
    if (nanos == 0) {
      return "$0.00";
    }
    BigDecimal dollars = BigDecimal.valueOf(nanos, NANOS_SCALE).abs();
    BigDecimal rounded = dollars.round(SIGNIFICANT_DIGITS);
    if (rounded.compareTo(BigDecimal.ONE) >= 0) {
      rounded = dollars.setScale(CENTS, RoundingMode.HALF_UP);
    }
    return (nanos < 0 ? "-$" : "$") + rounded.toPlainString();
  }

  /** {@code 412.3 ms} below ten seconds, {@code 12.4 s} from there. */
  public static String duration(Duration duration) {
    return duration.abs().compareTo(SECONDS_FROM) < 0
        ? String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6)
        : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
  }

  /** A share from 0 to 1 as {@code 72.5%}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** {@code 1,234,567}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A saving as a share of what was saved on: {@code saved 63.5%}, or {@code 4.0% more} when nothing was. */
  static String saving(double savedFraction) {
    return savedFraction < 0 ? percent(-savedFraction) + " more" : "saved " + percent(savedFraction);
  }

  /** {@code 2025-06-01T10:15:30Z}. */
  static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
