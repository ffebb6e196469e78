package dev.llmgen.units;

import java.math.BigDecimal;

/**
 * US dollars as whole nanodollars (10<sup>-9</sup> USD), the unit every llmgen cost, price and budget
 * is kept in, so that sums are exact.
 */
public final class Usd {

  public static final long NANOS_PER_USD = 1_000_000_000L;
  private static final int NANO_SCALE = 9;

  private Usd() {}

  /**
   * {@code usd} in nanodollars.
   *
   * @throws ArithmeticException when it has more than 9 decimals or does not fit in a {@code long}
   */
  public static long toNanos(BigDecimal usd) {
    return usd.movePointRight(NANO_SCALE).longValueExact();
  }

  /** {@code nanos} nanodollars in dollars, exact. */
  public static BigDecimal fromNanos(long nanos) {
    return BigDecimal.valueOf(nanos, NANO_SCALE);
  }
}
