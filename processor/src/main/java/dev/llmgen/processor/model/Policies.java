package dev.llmgen.processor.model;

import java.util.Optional;

/** The cost controls on one method, each checked; empty where the method has none. */
public record Policies(Optional<CacheModel> cache, Optional<BudgetModel> budget, Optional<RateLimitModel> rateLimit) {}
