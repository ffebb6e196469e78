package dev.llmgen.sample;

import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.metrics.CallStatistics;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import jakarta.inject.Inject;

/** What the runtime reports about calls and their cost controls, as the summary prints it. */
record CostControls(CallStatistics calls, CacheStages caches, BudgetStages budgets, RateLimitStages rateLimits) {

  @Inject
  CostControls {}
}
