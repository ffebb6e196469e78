package dev.llmgen.runtime.resilience;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Tells every listener, so that one that fails neither stops the others nor fails the call. */
final class ResilienceListeners implements ResilienceListener {

  private static final System.Logger LOG = System.getLogger(ResilienceListeners.class.getName());

  private final List<ResilienceListener> listeners;

  ResilienceListeners(Collection<ResilienceListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRetry(String feature, String model, int attempt, Duration wait, Throwable cause) {
    tell(listener -> listener.onRetry(feature, model, attempt, wait, cause), "a retry of " + feature);
  }

  @Override
  public void onCircuitStateChange(String model, CircuitState from, CircuitState to) {
    tell(listener -> listener.onCircuitStateChange(model, from, to), "the circuit of " + model + " going " + to);
  }

  private void tell(Consumer<ResilienceListener> event, String description) {
    for (ResilienceListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "ResilienceListener " + listener + " failed on " + description, e);
      }
    }
  }
}
