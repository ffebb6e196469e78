package dev.llmgen.catalog;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;

/**
 * What a model charges, in nanodollars (10<sup>-9</sup> USD) per million tokens, so that every price
 * the providers publish (down to a billionth of a dollar per million) is an exact integer.
 */
public record TokenPrices(
    long inputPerMillion, long cachedInputPerMillion, long cacheWritePerMillion, long outputPerMillion) {

  private static final long TOKENS_PER_MILLION = 1_000_000L;

  /** Nothing charged: models served locally, or unknown to the catalog. */
  public static final TokenPrices FREE = new TokenPrices(0, 0, 0, 0);

  public TokenPrices {
    requireNonNegative("input", inputPerMillion);
    requireNonNegative("cached input", cachedInputPerMillion);
    requireNonNegative("cache write", cacheWritePerMillion);
    requireNonNegative("output", outputPerMillion);
  }

  /** Prices as USD per million tokens, the way the providers list them. */
  public static TokenPrices ofUsdPerMillion(
      String input, String cachedInput, String cacheWrite, String output) {
    return new TokenPrices(
        nanos(input, "input"), nanos(cachedInput, "cached input"),
        nanos(cacheWrite, "cache write"), nanos(output, "output"));
  }

  /**
   * The cost of one call in nanodollars, rounded up so that a cost is never under-counted.
   *
   * @param uncachedInputTokens input tokens billed at the full input price
   * @param cachedInputTokens input tokens read from the provider's prompt cache
   * @param cacheWriteTokens input tokens written to the provider's prompt cache
   * @param outputTokens tokens the model wrote
   */
  public long costNanos(
      long uncachedInputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens) {
    long perMillionTotal = Math.addExact(
        Math.addExact(
            Math.multiplyExact(uncachedInputTokens, inputPerMillion),
            Math.multiplyExact(cachedInputTokens, cachedInputPerMillion)),
        Math.addExact(
            Math.multiplyExact(cacheWriteTokens, cacheWritePerMillion),
            Math.multiplyExact(outputTokens, outputPerMillion)));
    return -Math.floorDiv(-perMillionTotal, TOKENS_PER_MILLION);
  }

  private static long nanos(String usdPerMillion, String what) {
    try {
      return Usd.toNanos(new BigDecimal(usdPerMillion.trim()));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "the " + what + " price '" + usdPerMillion + "' is not a USD amount with at most 9 decimals", e);
    }
  }

  private static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("the " + what + " price must not be negative: " + value);
    }
  }
}
