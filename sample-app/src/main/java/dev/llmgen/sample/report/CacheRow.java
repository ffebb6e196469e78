package dev.llmgen.sample.report;

import java.util.Objects;

/**
 * How the response cache of one feature did.
 *
 * @param savedNanos what the answers served from the cache cost when they were first bought, in nanodollars
 */
public record CacheRow(String feature, long hits, long misses, long savedNanos) {

  public CacheRow {
    Objects.requireNonNull(feature, "feature");
  }

  public long lookups() {
    return hits + misses;
  }

  /** The share of lookups answered from the cache, from 0 to 1; 0 when there was no lookup. */
  public double hitRate() {
    return Fractions.of(hits, lookups());
  }
}
