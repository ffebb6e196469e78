package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A request was not sent because its model's circuit is open: too many of the model's recent requests
 * failed, so for a while it is not asked at all. A method with {@code @Fallback} models goes on to the
 * next one.
 */
public class CircuitOpenException extends LlmException {

  private final String model;
  private final CircuitState state;
  private final Duration retryAfter;

  private CircuitOpenException(String message, String model, CircuitState state, Duration retryAfter) {
    super(message);
    this.model = model;
    this.state = state;
    this.retryAfter = retryAfter;
  }

  static CircuitOpenException open(String model, Duration untilProbe) {
    return new CircuitOpenException(
        "the circuit of model " + model + " is open: too many of its recent requests failed, so none is sent"
            + " for now; it lets a probe through in " + seconds(untilProbe),
        model, CircuitState.OPEN, untilProbe);
  }

  static CircuitOpenException probing(String model, int probes) {
    return new CircuitOpenException(
        "the circuit of model " + model + " is half-open: its " + probes + " probe request"
            + (probes == 1 ? " is" : "s are") + " still out, and no other is sent until they show whether the model"
            + " has recovered",
        model, CircuitState.HALF_OPEN, null);
  }

  /** The model not asked, after the model map. */
  public String model() {
    return model;
  }

  /** {@link CircuitState#OPEN}, or {@link CircuitState#HALF_OPEN} when its probes are all taken. */
  public CircuitState state() {
    return state;
  }

  /** How long until the circuit lets a probe through; empty while its probes are out. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  // Rounded up to the millisecond, so that a caller who waits as long as the message says is in time.
  private static String seconds(Duration duration) {
    long millis = duration.plusNanos(999_999).toMillis();
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
  }
}
