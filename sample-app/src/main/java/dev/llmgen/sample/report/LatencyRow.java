package dev.llmgen.sample.report;

import java.time.Duration;
import java.util.Objects;

/** How long the calls of one feature took on one model. */
public record LatencyRow(String feature, String model, long calls, Duration p50, Duration p95, Duration p99) {

  public LatencyRow {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
  }
}
