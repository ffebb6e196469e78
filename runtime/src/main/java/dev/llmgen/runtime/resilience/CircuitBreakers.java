package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.StageFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One circuit per provider model, shared by every method that calls the model, since they all meet the
 * same outage: each method's chain for a model gets that model's {@link CircuitBreakerStage}. Open time
 * passes on the runtime's {@link Clock}, so tests move it themselves.
 */
@Singleton
public final class CircuitBreakers implements StageFactory {

  // Slowness is no sign of trouble (an answer of many tokens takes long); timeouts count as failures.
  private static final Duration NEVER_SLOW = Duration.ofNanos(Long.MAX_VALUE);

  private final CircuitBreakerConfig config;
  private final Duration openDuration;
  private final Clock clock;
  private final Ticker ticker;
  private final ResilienceListener listener;
  private final Map<String, CircuitBreakerStage> byModel = new ConcurrentHashMap<>();

  @Inject
  public CircuitBreakers(ResilienceSettings settings, Clock clock, Ticker ticker, Set<ResilienceListener> listeners) {
    CircuitBreakerPolicy policy = settings.circuitBreaker();
    this.config = CircuitBreakerConfig.custom()
        .failureRateThreshold((float) policy.failureRateThreshold())
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(policy.slidingWindowSize())
        .minimumNumberOfCalls(policy.minimumCalls())
        .waitDurationInOpenState(policy.openDuration())
        .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
        .slowCallDurationThreshold(NEVER_SLOW)
        .recordException(TransientFailures::isTransient)
        .ignoreException(failure -> !TransientFailures.isTransient(failure))
        .clock(clock)
        .build();
    this.openDuration = policy.openDuration();
    this.clock = clock;
    this.ticker = ticker;
    this.listener = new ResilienceListeners(listeners);
  }

  /** The circuit of the model, made when the first method that calls the model is bound. */
  @Override
  public Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model) {
    return Optional.of(byModel.computeIfAbsent(model.providerModel(),
        key -> new CircuitBreakerStage(key, config, openDuration, clock, ticker, listener)));
  }

  /** Where each model's circuit stands, by model in alphabetical order. */
  public Map<String, CircuitState> states() {
    return Collections.unmodifiableMap(byModel.entrySet().stream()
        .collect(Collectors.toMap(
            Map.Entry::getKey, entry -> entry.getValue().state(), (a, b) -> a, TreeMap::new)));
  }
}
