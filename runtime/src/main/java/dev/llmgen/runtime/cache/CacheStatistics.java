package dev.llmgen.runtime.cache;

/**
 * What one method's response cache has done so far.
 *
 * @param hits calls answered from the cache, including those that joined an identical call in flight
 *     and got its answer
 * @param misses calls that went on to the provider
 * @param evictions answers dropped because they expired or the cache was full
 * @param size answers held now, loads in flight included
 * @param savedCostNanos what the answers served from the cache cost when they were first bought, in
 *     nanodollars: the money the cache saved
 */
public record CacheStatistics(long hits, long misses, long evictions, long size, long savedCostNanos) {

  /** Both together, for methods reported under one name. */
  CacheStatistics plus(CacheStatistics other) {
    return new CacheStatistics(
        hits + other.hits, misses + other.misses, evictions + other.evictions, size + other.size,
        savedCostNanos + other.savedCostNanos);
  }
}
