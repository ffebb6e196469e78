package dev.llmgen.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** The names of llmgen's meters and their tags, as docs/metrics.md lists them. */
final class MeterNames {

  static final String CALLS = "llmgen.calls";
  static final String STAGE = "llmgen.stage";
  static final String TOKENS = "llmgen.tokens";
  static final String COST = "llmgen.cost";
  static final String CACHE = "llmgen.cache.requests";
  static final String RETRIES = "llmgen.retries";
  static final String ERRORS = "llmgen.errors";
  static final String CIRCUIT = "llmgen.circuit.state";
  static final String BUDGET_SPENT = "llmgen.budget.spent";
  static final String BUDGET_LIMIT = "llmgen.budget.limit";

  static final String FEATURE = "feature";
  static final String MODEL = "model";
  static final String OUTCOME = "outcome";
  static final String TYPE = "type";
  static final String RESULT = "result";
  static final String STAGE_TAG = "stage";
  static final String STATE = "state";
  static final String POOL = "pool";
  static final String LIMIT = "limit";

  static final double NANOS_PER_USD = 1e9;

  private MeterNames() {}

  /** A call's latency, with its median, 95th and 99th percentiles computed in the application. */
  static Timer callTimer(MeterRegistry registry, Tags tags) {
    return Timer.builder(CALLS).description("Calls from the method's invocation to its answer or failure")
        .tags(tags).publishPercentiles(0.5, 0.95, 0.99).percentilePrecision(2).register(registry);
  }
}
