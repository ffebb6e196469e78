package dev.llmgen.sample;

import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.RetryStages;
import jakarta.inject.Inject;

/** What the runtime reports about calls, their cost controls and their resilience, as the summary prints it. */
record CostControls(
    CostLedger costs, BudgetStages budgets, RateLimitStages rateLimits, RetryStages retries,
    CircuitBreakers circuits) {

  @Inject
  CostControls {}
}
