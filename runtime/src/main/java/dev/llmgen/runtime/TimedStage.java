package dev.llmgen.runtime;

import java.util.Locale;

/** The parts of a call whose time is measured, in the order a call goes through them. */
public enum TimedStage {
  /** Filling the prompt template with the method's arguments, in generated code. */
  RENDERING,
  /** Looking the call up in the response cache, or waiting for an identical call in flight. */
  CACHE,
  /** Reserving the worst case against the budgets, and settling it once the answer is in. */
  BUDGET,
  /** Waiting for a rate-limit permit. */
  RATE_LIMIT_WAIT,
  /** From sending the request to the provider's whole answer, every retry included. */
  PROVIDER,
  /** Pricing the answer and decoding it into the method's return type. */
  DECODING;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** The stage as metrics name it, e.g. {@code rate_limit_wait}. */
  public String tagValue() {
    return tagValue;
  }
}
