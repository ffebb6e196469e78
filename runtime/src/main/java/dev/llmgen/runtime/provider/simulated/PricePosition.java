package dev.llmgen.runtime.provider.simulated;

import dev.llmgen.catalog.ModelCatalog;

/**
 * Where a model's output price lies between the cheapest and the dearest, from 0 to 1 on a log scale:
 * $0.10 per million output tokens or less is 0, $100 or more is 1. The simulated model reads price as
 * size, so dearer models answer slower and surer.
 */
final class PricePosition {

  private static final double CHEAPEST_NANOS_PER_MILLION = 0.10e9;
  private static final double PRICE_DECADES = 3;
  // Models the catalog does not know (local ones, mostly) sit in the middle.
  private static final double UNKNOWN_MODEL_POSITION = 0.5;

  private final ModelCatalog catalog;

  PricePosition(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  double of(String model) {
    return catalog.find(model)
        .map(entry -> {
          double price = entry.prices().outputPerMillion();
          double decades = price <= CHEAPEST_NANOS_PER_MILLION ? 0 : Math.log10(price / CHEAPEST_NANOS_PER_MILLION);
          return Math.min(decades / PRICE_DECADES, 1);
        })
        .orElse(UNKNOWN_MODEL_POSITION);
  }
}
