package dev.llmgen.runtime.provider.simulated;

import java.time.Duration;

/**
 * How long a model of the catalog takes to answer, before jitter and scaling: a time to the first
 * token plus a time per output token, both growing with the model's output price, as dearer (larger)
 * models are slower.
 */
final class SimulatedLatency {

  private static final double FIRST_TOKEN_MIN_MILLIS = 150;
  private static final double FIRST_TOKEN_MAX_MILLIS = 600;
  private static final double PER_TOKEN_MIN_MILLIS = 4;
  private static final double PER_TOKEN_MAX_MILLIS = 30;

  private final PricePosition prices;

  SimulatedLatency(PricePosition prices) {
    this.prices = prices;
  }

  Duration firstToken(String model) {
    return answer(model, 0);
  }

  Duration answer(String model, int outputTokens) {
    double position = prices.of(model);
    double millis = between(FIRST_TOKEN_MIN_MILLIS, FIRST_TOKEN_MAX_MILLIS, position)
        + outputTokens * between(PER_TOKEN_MIN_MILLIS, PER_TOKEN_MAX_MILLIS, position);
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  private static double between(double low, double high, double position) {
    return low + (high - low) * position;
  }
}
