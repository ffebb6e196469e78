package dev.llmgen.runtime.provider.simulated;

import dev.llmgen.catalog.ModelCatalog;
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
  // Output prices from $0.10 to $100 per million tokens span the ranges above, on a log scale.
  private static final double CHEAPEST_NANOS_PER_MILLION = 0.10e9;
  private static final double PRICE_DECADES = 3;
  // Models the catalog does not know (local ones, mostly) sit in the middle.
  private static final double UNKNOWN_MODEL_POSITION = 0.5;

  private final ModelCatalog catalog;

  SimulatedLatency(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  Duration firstToken(String model) {
    return answer(model, 0);
  }

  Duration answer(String model, int outputTokens) {
    double position = position(model);
    double millis = between(FIRST_TOKEN_MIN_MILLIS, FIRST_TOKEN_MAX_MILLIS, position)
        + outputTokens * between(PER_TOKEN_MIN_MILLIS, PER_TOKEN_MAX_MILLIS, position);
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  /** Where the model's output price lies between the cheapest and the dearest, from 0 to 1. */
  private double position(String model) {
    return catalog.find(model)
        .map(entry -> {
          double price = entry.prices().outputPerMillion();
          double decades = price <= CHEAPEST_NANOS_PER_MILLION ? 0 : Math.log10(price / CHEAPEST_NANOS_PER_MILLION);
          return Math.min(decades / PRICE_DECADES, 1);
        })
        .orElse(UNKNOWN_MODEL_POSITION);
  }

  private static double between(double low, double high, double position) {
    return low + (high - low) * position;
  }
}
