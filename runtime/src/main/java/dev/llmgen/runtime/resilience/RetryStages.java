package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.StageFactory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Gives each model of each method its {@link RetryStage}, under the configured defaults and the
 * method's {@code @Retry}, and counts the retries per method for reports. A method allowed a single
 * request has no retry stage at all.
 */
@Singleton
public final class RetryStages implements StageFactory {

  private final ResilienceSettings settings;
  private final Scheduler scheduler;
  private final ResilienceListener listener;
  private final DoubleSupplier random;
  private final Map<String, LongAdder> retriesByFeature = new ConcurrentHashMap<>();

  @Inject
  public RetryStages(ResilienceSettings settings, Scheduler scheduler, Set<ResilienceListener> listeners) {
    this(settings, scheduler, listeners, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** @param random uniform in [0, 1), drawn for the jitter of each wait; tests pin it */
  public RetryStages(
      ResilienceSettings settings, Scheduler scheduler, Collection<ResilienceListener> listeners,
      DoubleSupplier random) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.listener = new ResilienceListeners(listeners);
    this.random = random;
  }

  @Override
  public Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model) {
    RetryPolicy policy = settings.retryPolicy(spec.retry());
    if (policy.maxAttempts() == 1) {
      return Optional.empty();
    }
    LongAdder retries = retriesByFeature.computeIfAbsent(spec.feature(), feature -> new LongAdder());
    return Optional.of(
        new RetryStage(spec.feature(), model.providerModel(), policy, random, scheduler, listener, retries));
  }

  /** The retries made so far for each method that may retry, by feature name in alphabetical order. */
  public Map<String, Long> retries() {
    return Collections.unmodifiableMap(retriesByFeature.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum(), Long::sum, TreeMap::new)));
  }
}
