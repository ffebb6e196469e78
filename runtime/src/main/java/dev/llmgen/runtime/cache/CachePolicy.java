package dev.llmgen.runtime.cache;

import dev.llmgen.annotations.Cached;
import java.time.Duration;
import java.util.Objects;

/**
 * A method's {@code @Cached}, as the processor checked it.
 *
 * @param ttl how long an answer is kept after it was written
 * @param maxEntries the most answers kept
 * @param scope who may be served an answer
 */
public record CachePolicy(Duration ttl, long maxEntries, Cached.Scope scope) {

  public CachePolicy {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(scope, "scope");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a cache ttl must be positive, not " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("a cache must hold at least one entry, not " + maxEntries);
    }
  }
}
