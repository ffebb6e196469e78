package dev.llmgen.runtime.provider.simulated;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Failures the simulated model can inject, as a real provider would produce them. */
public enum SimulatedFault {
  /** HTTP 429 with a {@code Retry-After} hint. */
  RATE_LIMIT("rate_limit"),
  /** HTTP 500. */
  SERVER_ERROR("server_error"),
  /** No answer within the timeout. */
  TIMEOUT("timeout");

  private final String configName;

  SimulatedFault(String configName) {
    this.configName = configName;
  }

  /** The name used in {@code LLMGEN_SIMULATED_FAULTS}. */
  public String configName() {
    return configName;
  }

  static SimulatedFault fromConfigName(String name) {
    for (SimulatedFault fault : values()) {
      if (fault.configName.equals(name)) {
        return fault;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a simulated fault; known faults: "
        + Arrays.stream(values()).map(SimulatedFault::configName).collect(Collectors.joining(", ")));
  }
}
