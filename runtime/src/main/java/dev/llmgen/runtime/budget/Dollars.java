package dev.llmgen.runtime.budget;

import dev.llmgen.units.Usd;

/** Money as people read it in messages: {@code $0.049}, exact, without trailing zeros. */
final class Dollars {

  private Dollars() {}

  static String format(long nanos) {
    return "$" + Usd.fromNanos(nanos).stripTrailingZeros().toPlainString();
  }
}
