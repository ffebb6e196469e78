package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.Attempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The meters of one model in one method, made when the method is bound so that a call looks nothing up. */
final class ModelMeters {

  private final Timer answered;
  private final Timer fromCache;
  private final Timer failed;
  private final Counter inputTokens;
  private final Counter cachedInputTokens;
  private final Counter outputTokens;
  private final Counter cost;

  ModelMeters(MeterRegistry registry, String feature, String model) {
    Tags tags = Tags.of(MeterNames.FEATURE, feature, MeterNames.MODEL, model);
    this.answered = MeterNames.callTimer(registry, tags.and(MeterNames.OUTCOME, "answered"));
    this.fromCache = MeterNames.callTimer(registry, tags.and(MeterNames.OUTCOME, "cache_hit"));
    this.failed = MeterNames.callTimer(registry, tags.and(MeterNames.OUTCOME, "failed"));
    this.inputTokens = tokens(registry, tags, "input");
    this.cachedInputTokens = tokens(registry, tags, "cached_input");
    this.outputTokens = tokens(registry, tags, "output");
    this.cost = Counter.builder(MeterNames.COST).description("What calls cost, from the model catalog's prices")
        .baseUnit("usd").tags(tags).register(registry);
  }

  void answered(long latencyNanos) {
    answered.record(latencyNanos, TimeUnit.NANOSECONDS);
  }

  void servedFromCache(long latencyNanos) {
    fromCache.record(latencyNanos, TimeUnit.NANOSECONDS);
  }

  void failed(long latencyNanos) {
    failed.record(latencyNanos, TimeUnit.NANOSECONDS);
  }

  /** What one turn of a call at this model consumed. */
  void turn(Attempt turn) {
    inputTokens.increment(turn.inputTokens());
    cachedInputTokens.increment(turn.cachedInputTokens());
    outputTokens.increment(turn.outputTokens());
    cost.increment(turn.costNanos() / MeterNames.NANOS_PER_USD);
  }

  private static Counter tokens(MeterRegistry registry, Tags tags, String type) {
    return Counter.builder(MeterNames.TOKENS).description("Tokens billed; cached_input is part of input")
        .baseUnit("tokens").tags(tags).tag(MeterNames.TYPE, type).register(registry);
  }
}
