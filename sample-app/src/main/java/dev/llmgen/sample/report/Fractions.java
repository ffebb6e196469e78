package dev.llmgen.sample.report;

/** Shares of a whole, where a whole of 0 has no share worth dividing by. */
final class Fractions {

  private Fractions() {
  }

  /** {@code part / whole}, or 0 when {@code whole} is 0. */
  static double of(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
