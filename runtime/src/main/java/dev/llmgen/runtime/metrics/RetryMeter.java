package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.resilience.ResilienceListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;

/** Counts retries by method, model and the type of the failure that was retried. */
public final class RetryMeter implements ResilienceListener {

  private final MeterRegistry registry;

  @Inject
  public RetryMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onRetry(String feature, String model, int attempt, Duration wait, Throwable cause) {
    Counter.builder(MeterNames.RETRIES).description("Requests sent again after a transient failure")
        .tag(MeterNames.FEATURE, feature).tag(MeterNames.MODEL, model)
        .tag(MeterNames.TYPE, cause.getClass().getSimpleName())
        .register(registry)
        .increment();
  }
}
