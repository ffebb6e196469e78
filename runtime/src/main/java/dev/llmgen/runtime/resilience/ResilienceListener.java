package dev.llmgen.runtime.resilience;

import java.time.Duration;

/**
 * Told of retries and circuit changes, e.g. to count them in metrics. Called on the thread that saw the
 * failure or made the change, so it must be quick; an exception it throws is logged and does not affect
 * the call.
 */
public interface ResilienceListener {

  /**
   * A request failed and will be sent again after {@code wait}.
   *
   * @param feature the method, e.g. {@code SupportBot.answer}
   * @param model the model asked, after the model map
   * @param attempt which request failed: 1 for the first
   * @param cause its failure
   */
  default void onRetry(String feature, String model, int attempt, Duration wait, Throwable cause) {}

  /** The circuit of {@code model} went from {@code from} to {@code to}. */
  default void onCircuitStateChange(String model, CircuitState from, CircuitState to) {}
}
