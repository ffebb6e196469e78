package dev.llmgen.runtime.resilience;

/** Where a model's circuit stands. */
public enum CircuitState {
  /** Requests go through; their failures are counted. */
  CLOSED,
  /** Too many recent requests failed: requests fail at once with {@link CircuitOpenException}. */
  OPEN,
  /** The open time is over: a few probe requests go through to see whether the model has recovered. */
  HALF_OPEN
}
