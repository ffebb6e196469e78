package dev.llmgen.runtime.cache;

import dev.llmgen.runtime.CallSpec;
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

/** Gives each {@code @Cached} method its {@link CacheStage}, and reports what the caches have done. */
@Singleton
public final class CacheStages implements StageFactory {

  private final Ticker ticker;
  // By specification, which has identity equality: a method bound twice (its service constructed
  // twice) keeps one cache, and two methods that share a feature name never share answers.
  private final Map<CallSpec<?>, CacheStage> stages = new ConcurrentHashMap<>();

  @Inject
  public CacheStages(Ticker ticker) {
    this.ticker = ticker;
  }

  @Override
  public Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model) {
    return spec.cache().map(policy -> stages.computeIfAbsent(spec, key -> new CacheStage(policy, spec, model, ticker)));
  }

  /** Each cached method's statistics, by feature name in alphabetical order. */
  public Map<String, CacheStatistics> statistics() {
    return Collections.unmodifiableMap(stages.entrySet().stream()
        .collect(Collectors.toMap(
            entry -> entry.getKey().feature(), entry -> entry.getValue().statistics(), CacheStatistics::plus,
            TreeMap::new)));
  }
}
