package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.chain.ModelBinding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** The meters of one method, made when it is bound. */
final class MethodMeters {

  private static final TimedStage[] STAGES = TimedStage.values();

  private final MeterRegistry registry;
  private final String feature;
  private final ModelBinding firstModel;
  private final ConcurrentMap<String, ModelMeters> byModel = new ConcurrentHashMap<>();
  private final Map<String, ModelBinding> bindings = new HashMap<>(); // written only while constructing
  private final StageTotals[] stages;
  private final Optional<CacheCounters> cache;

  /**
   * @param stageTotals the totals of each stage of the method's feature, shared by every method bound
   *     under that feature name, as the registry shares a feature's meters
   */
  MethodMeters(MeterRegistry registry, CallSpec<?> spec, List<ModelBinding> models, StageTotals[] stageTotals) {
    this.registry = registry;
    this.feature = spec.feature();
    this.firstModel = models.get(0);
    this.stages = stageTotals;
    for (ModelBinding model : models) {
      bindings.putIfAbsent(model.providerModel(), model);
      model(model.providerModel());
    }
    this.cache = spec.cache().map(policy -> new CacheCounters(
        cacheCounter(registry, feature, "hit"), cacheCounter(registry, feature, "miss")));
  }

  String feature() {
    return feature;
  }

  /** The method's first model: failures that name no model (a refused budget, say) are counted under it. */
  ModelBinding firstModel() {
    return firstModel;
  }

  /** The method's binding of {@code model}, as the provider knows it; the first model's for any other. */
  ModelBinding binding(String model) {
    return bindings.getOrDefault(model, firstModel);
  }

  /** The meters of {@code model}; made here for a model no binding named, which should not happen. */
  ModelMeters model(String model) {
    ModelMeters meters = byModel.get(model);
    return meters != null ? meters : byModel.computeIfAbsent(model, name -> new ModelMeters(registry, feature, name));
  }

  /** Records the time of each stage the call went through. */
  void stages(StageTimings timings) {
    for (TimedStage stage : STAGES) {
      if (timings.ran(stage)) {
        StageTotals totals = stages[stage.ordinal()];
        if (!totals.registered) {
          register(stage, totals);
        }
        totals.add(timings.nanos(stage));
      }
    }
  }

  /** Shows a stage's timer when a call first goes through it, so that a method shows only the stages it has. */
  private void register(TimedStage stage, StageTotals totals) {
    synchronized (totals) {
      if (totals.registered) {
        return;
      }
      FunctionTimer.builder(MeterNames.STAGE, totals, StageTotals::count, StageTotals::totalNanos,
              TimeUnit.NANOSECONDS)
          .description("The time calls spent in each stage")
          .tag(MeterNames.FEATURE, feature).tag(MeterNames.STAGE_TAG, stage.tagValue())
          .register(registry);
      totals.registered = true;
    }
  }

  /** Totals for each stage, indexed by {@link TimedStage#ordinal()}. */
  static StageTotals[] newStageTotals() {
    StageTotals[] totals = new StageTotals[STAGES.length];
    for (TimedStage stage : STAGES) {
      totals[stage.ordinal()] = new StageTotals();
    }
    return totals;
  }

  void cacheLookup(boolean hit) {
    cache.ifPresent(counters -> (hit ? counters.hits() : counters.misses()).increment());
  }

  void error(String model, Throwable failure) {
    Counter.builder(MeterNames.ERRORS).description("Calls that failed, by the type of their exception")
        .tag(MeterNames.FEATURE, feature).tag(MeterNames.MODEL, model)
        .tag(MeterNames.TYPE, failure.getClass().getSimpleName())
        .register(registry)
        .increment();
  }

  private static Counter cacheCounter(MeterRegistry registry, String feature, String result) {
    return Counter.builder(MeterNames.CACHE).description("Calls to cached methods, answered from the cache or not")
        .tag(MeterNames.FEATURE, feature).tag(MeterNames.RESULT, result).register(registry);
  }

  private record CacheCounters(Counter hits, Counter misses) {}

  /**
   * How often a stage ran and how long it took in all: two additions per call, where a Micrometer timer
   * would also keep a maximum over a time window. The registry reads them when it is scraped.
   */
  static final class StageTotals {
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private volatile boolean registered;

    void add(long elapsedNanos) {
      count.increment();
      nanos.add(elapsedNanos);
    }

    long count() {
      return count.sum();
    }

    double totalNanos() {
      return nanos.sum();
    }
  }
}
