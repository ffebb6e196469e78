package dev.llmgen.processor.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cost controls and resilience settings on one method, each checked; empty where the method has
 * none.
 *
 * @param timeout the method's {@code @Timeout} for one request
 * @param fallbackModels the method's {@code @Fallback} models, in the order they are tried
 */
public record Policies(
    Optional<CacheModel> cache,
    Optional<BudgetModel> budget,
    Optional<RateLimitModel> rateLimit,
    Optional<CascadeModel> cascade,
    Optional<RetryModel> retry,
    Optional<Duration> timeout,
    List<String> fallbackModels) {

  public Policies {
    fallbackModels = List.copyOf(fallbackModels);
  }
}
