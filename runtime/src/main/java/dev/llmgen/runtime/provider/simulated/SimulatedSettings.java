package dev.llmgen.runtime.provider.simulated;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the simulated model behaves.
 *
 * @param latencyScale multiplies the simulated per-model latency; 0 answers at once
 * @param faultRates the probability in [0, 1] of each injected fault, per call
 * @param seed seeds the fault draws, so a run can be repeated
 */
public record SimulatedSettings(double latencyScale, Map<SimulatedFault, Double> faultRates, long seed) {

  public static final SimulatedSettings DEFAULT = new SimulatedSettings(1.0, Map.of(), 42L);

  public SimulatedSettings {
    if (!(latencyScale >= 0)) {
      throw new IllegalArgumentException("the latency scale must be 0 or more, not " + latencyScale);
    }
    faultRates = Map.copyOf(faultRates);
    double total = 0;
    for (Map.Entry<SimulatedFault, Double> rate : faultRates.entrySet()) {
      if (!(rate.getValue() >= 0 && rate.getValue() <= 1)) {
        throw new IllegalArgumentException(
            "the rate of " + rate.getKey().configName() + " must be in [0, 1], not " + rate.getValue());
      }
      total += rate.getValue();
    }
    if (total > 1) {
      throw new IllegalArgumentException("the fault rates add up to " + total + ", more than 1");
    }
  }

  /**
   * Reads fault rates written as {@code rate_limit=0.05,server_error=0.02,timeout=0.01}.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static Map<SimulatedFault, Double> parseFaultRates(String text) {
    Map<SimulatedFault, Double> rates = new EnumMap<>(SimulatedFault.class);
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("=", 2);
      SimulatedFault fault = SimulatedFault.fromConfigName(parts[0].strip().toLowerCase(Locale.ROOT));
      if (parts.length != 2) {
        throw new IllegalArgumentException("'" + entry.strip() + "' has no rate: write " + parts[0].strip() + "=0.05");
      }
      try {
        rates.put(fault, Double.parseDouble(parts[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[1].strip() + "' is not a probability for " + parts[0].strip());
      }
    }
    return rates;
  }
}
