package dev.llmgen.runtime.ratelimit;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.StageFactory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Gives each {@code @RateLimited} method its {@link RateLimitStage}, and reports what the limits have done. */
@Singleton
public final class RateLimitStages implements StageFactory {

  private final Ticker ticker;
  private final Scheduler scheduler;
  // By specification, which has identity equality: a method bound twice (its service constructed twice)
  // must keep one limit, or it would let through twice the rate.
  private final Map<CallSpec<?>, RateLimitStage> stages = new ConcurrentHashMap<>();

  @Inject
  public RateLimitStages(Ticker ticker, Scheduler scheduler) {
    this.ticker = ticker;
    this.scheduler = scheduler;
  }

  @Override
  public Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model) {
    return spec.rateLimit().map(policy -> stageOf(spec).forModel(model));
  }

  /** The method's limits, made when its first model is bound. */
  RateLimitStage stageOf(CallSpec<?> spec) {
    return stages.computeIfAbsent(spec, key -> new RateLimitStage(
        new Limiters(spec.feature(), spec.rateLimit().orElseThrow(), ticker, scheduler)));
  }

  /** Each rate-limited method's statistics, by feature name in alphabetical order. */
  public Map<String, RateLimitStatistics> statistics() {
    return Collections.unmodifiableMap(stages.entrySet().stream()
        .collect(Collectors.toMap(
            entry -> entry.getKey().feature(), entry -> entry.getValue().statistics(), RateLimitStatistics::plus,
            TreeMap::new)));
  }
}
