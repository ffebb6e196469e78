package dev.llmgen.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenPricesTest {

  private static final TokenPrices GPT_4O_MINI = TokenPrices.ofUsdPerMillion("0.15", "0.075", "0", "0.60");
  private static final TokenPrices CLAUDE_SONNET_4 = TokenPrices.ofUsdPerMillion("3.00", "0.30", "3.75", "15.00");
  /** One nanodollar per million tokens of each kind: every cost below a million tokens is a fraction. */
  private static final TokenPrices NANO = new TokenPrices(1, 1, 1, 1);

  @Test
  void usdPerMillionBecomeNanodollarsPerMillion() {
    assertEquals(new TokenPrices(150_000_000L, 75_000_000L, 0, 600_000_000L), GPT_4O_MINI);
    assertEquals(new TokenPrices(1, 0, 0, 123_456_789_000L), TokenPrices.ofUsdPerMillion("0.000000001", "0", "0", " 123.456789 "));
  }

  @Test
  void costOfACallOnGpt4oMini() {
    // 1,234 × $0.15/M + 567 × $0.60/M = $0.0001851 + $0.0003402 = $0.0005253
    assertEquals(525_300L, GPT_4O_MINI.costNanos(1_234, 0, 0, 567));
  }

  @Test
  void cachedInputIsBilledAtItsOwnPrice() {
    // 1,000 × $0.15/M + 1,000 × $0.075/M = 150,000 + 75,000 nanodollars
    assertEquals(225_000L, GPT_4O_MINI.costNanos(1_000, 1_000, 0, 0));
  }

  @Test
  void everyKindOfTokenCounts() {
    // 1M × $3 + 2M × $0.30 + 3M × $3.75 + 4M × $15
    assertEquals(3_000_000_000L + 600_000_000L + 11_250_000_000L + 60_000_000_000L,
        CLAUDE_SONNET_4.costNanos(1_000_000, 2_000_000, 3_000_000, 4_000_000));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0", "1, 1", "999999, 1", "1000000, 1", "1000001, 2", "2000000, 2", "2000001, 3"})
  void fractionalNanodollarsRoundUp(long tokens, long nanos) {
    assertEquals(nanos, NANO.costNanos(tokens, 0, 0, 0));
  }

  @Test
  void roundingUpAppliesToTheSumNotEachPart() {
    // 0.5 + 0.5 nanodollars is one nanodollar, not two
    assertEquals(1L, NANO.costNanos(500_000, 0, 0, 500_000));
    // 1 token on gpt-4o-mini output: 600,000,000 / 1,000,000 = 600 exactly
    assertEquals(600L, GPT_4O_MINI.costNanos(0, 0, 0, 1));
    // 1 cached token: 75,000,000 / 1,000,000 = 75 exactly; 1 more input token: 150
    assertEquals(225L, GPT_4O_MINI.costNanos(1, 1, 0, 0));
    // 7 input tokens at $0.000001/M: 7,000 per million = 0.007 nanodollars, billed as 1
    assertEquals(1L, TokenPrices.ofUsdPerMillion("0.000001", "0", "0", "0").costNanos(7, 0, 0, 0));
  }

  @Test
  void freeIsFree() {
    assertEquals(0L, TokenPrices.FREE.costNanos(1_000_000, 1_000_000, 1_000_000, 1_000_000));
  }

  @Test
  void overflowIsAnErrorNotAWrongCost() {
    TokenPrices dear = new TokenPrices(Long.MAX_VALUE / 2, 0, 0, Long.MAX_VALUE / 2);

    assertThrows(ArithmeticException.class, () -> dear.costNanos(3, 0, 0, 0));
    assertThrows(ArithmeticException.class, () -> dear.costNanos(2, 0, 0, 2));
    assertThrows(ArithmeticException.class, () -> GPT_4O_MINI.costNanos(Long.MAX_VALUE, 0, 0, 0));
  }

  @Test
  void pricesMustNotBeNegative() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new TokenPrices(0, 0, 0, -1));

    assertEquals("the output price must not be negative: -1", error.getMessage());
  }

  @Test
  void pricesHaveAtMostNineDecimals() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TokenPrices.ofUsdPerMillion("0.0000000005", "0", "0", "0"));

    assertEquals("the input price '0.0000000005' is not a USD amount with at most 9 decimals", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TokenPrices.ofUsdPerMillion("1", "free", "0", "0"));
    assertThrows(IllegalArgumentException.class, () -> TokenPrices.ofUsdPerMillion("1", "0", "", "0"));
  }
}
