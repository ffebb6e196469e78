package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The circuit of one model, outermost in its chain: asks the Resilience4j {@link CircuitBreaker} for
 * permission before the call goes on, and fails at once with {@link CircuitOpenException} when it is
 * refused, without touching the provider. Each call's outcome, once its retries are spent, is reported
 * back with its duration by the runtime's {@link Ticker}: counting calls rather than requests keeps a
 * burst of fast transient failures among slow answers from opening it. Only
 * {@linkplain TransientFailures transient} failures count against the model; every other failure is
 * neither a success nor a failure.
 */
public final class CircuitBreakerStage implements CallStage {

  private final String model;
  private final CircuitBreaker breaker;
  private final Duration openDuration;
  private final Clock clock;
  private final Ticker ticker;
  private final ResilienceListener listener;
  private final AtomicReference<CircuitBreaker.State> lastSeen = new AtomicReference<>(CircuitBreaker.State.CLOSED);
  // When the circuit last opened, plus its open duration: Resilience4j does not say when it will probe.
  private volatile Instant probeAt = Instant.MIN;

  CircuitBreakerStage(
      String model, CircuitBreakerConfig config, Duration openDuration, Clock clock, Ticker ticker,
      ResilienceListener listener) {
    this.model = model;
    this.breaker = CircuitBreaker.of(model, config);
    this.openDuration = openDuration;
    this.clock = clock;
    this.ticker = ticker;
    this.listener = listener;
  }

  @Override
  public <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next) {
    boolean permitted = breaker.tryAcquirePermission(); // an open circuit whose time is up turns half-open here
    noticeTransition();
    if (!permitted) {
      return CompletableFuture.failedFuture(refusal());
    }
    long startNanos = ticker.nanoTime();
    CompletableFuture<LlmResult<T>> answer;
    try {
      answer = next.handle(call);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.whenComplete((result, failure) -> record(startNanos, failure));
  }

  /**
   * Where the circuit stands. An open circuit turns half-open only when a request comes after its open
   * time, so it shows {@link CircuitState#OPEN} until then.
   */
  public CircuitState state() {
    return state(breaker.getState());
  }

  private void record(long startNanos, Throwable failure) {
    long nanos = ticker.nanoTime() - startNanos;
    if (failure == null) {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    } else {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, Failures.unwrap(failure));
    }
    noticeTransition();
  }

  /**
   * Tells the listener when the circuit has changed state since it was last looked at, after each step
   * that may change it. Resilience4j's own events would tell it too, but while anyone consumes them the
   * breaker builds an event for every call (a fifth of the cost of a call to a model that answers at
   * once). Changes made by concurrent calls between two looks reach the listener as one, from the first
   * state to the last, or not at all when the circuit is back where it was.
   */
  private void noticeTransition() {
    CircuitBreaker.State now = breaker.getState();
    CircuitBreaker.State seen = lastSeen.get();
    if (now == seen) {
      return;
    }
    if (now == CircuitBreaker.State.OPEN) {
      probeAt = clock.instant().plus(openDuration);
    }
    if (lastSeen.compareAndSet(seen, now)) {
      listener.onCircuitStateChange(model, state(seen), state(now));
    }
  }

  private CircuitOpenException refusal() {
    if (state() == CircuitState.HALF_OPEN) {
      return CircuitOpenException.probing(
          model, breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState());
    }
    Instant now = clock.instant();
    if (!probeAt.isAfter(now)) {
      // Open again since it was last looked at (a probe failed between two looks): a full open time ahead.
      probeAt = now.plus(openDuration);
    }
    return CircuitOpenException.open(model, Duration.between(now, probeAt));
  }

  // The other states of Resilience4j (disabled, forced open, metrics only) are entered only on request,
  // and llmgen never requests them.
  private static CircuitState state(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> CircuitState.CLOSED;
      case OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      default -> throw new IllegalStateException("llmgen never puts a circuit in state " + state);
    };
  }
}
