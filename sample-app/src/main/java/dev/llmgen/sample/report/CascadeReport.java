package dev.llmgen.sample.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a cascade did over a run, against asking its strongest model every time.
 *
 * @param feature the cascading feature ({@code SupportDesk.extract})
 * @param answeredBy calls answered by each model, in cascade order (a model that answered none: 0)
 * @param answeredBelowThreshold calls answered by the best answer although none reached the threshold
 * @param costNanos what the cascade's calls cost, every model asked included, in nanodollars
 * @param strongestOnlyNanos what the same answers would have cost from the strongest model alone
 * @param strongestModel the cascade's last, strongest model
 */
public record CascadeReport(String feature, Map<String, Long> answeredBy, long answeredBelowThreshold,
    long costNanos, long strongestOnlyNanos, String strongestModel) {

  public CascadeReport {
    Objects.requireNonNull(feature, "feature");
    answeredBy = Collections.unmodifiableMap(new LinkedHashMap<>(answeredBy));
    Objects.requireNonNull(strongestModel, "strongestModel");
  }

  public long calls() {
    return answeredBy.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Negative when the cascade cost more than the strongest model alone would have. */
  public long savedNanos() {
    return strongestOnlyNanos - costNanos;
  }

  /** {@link #savedNanos()} as a share of the strongest-only cost; 0 when that cost is 0. */
  public double savedFraction() {
    return Fractions.of(savedNanos(), strongestOnlyNanos);
  }
}
