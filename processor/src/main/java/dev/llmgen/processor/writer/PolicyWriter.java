package dev.llmgen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.llmgen.processor.model.BudgetModel;
import dev.llmgen.processor.model.CacheModel;
import dev.llmgen.processor.model.RateLimitModel;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Writes a method's cost controls as the runtime's policy objects, from literals: durations already
 * parsed and dollar limits already in nanodollars.
 */
final class PolicyWriter {

  private static final ClassName CACHED = ClassName.get("dev.llmgen.annotations", "Cached");
  private static final ClassName CACHE_POLICY = ClassName.get("dev.llmgen.runtime.cache", "CachePolicy");
  private static final ClassName BUDGET_POLICY = ClassName.get("dev.llmgen.runtime.budget", "BudgetPolicy");
  private static final ClassName RATE_LIMIT_POLICY = ClassName.get("dev.llmgen.runtime.ratelimit", "RateLimitPolicy");

  CodeBlock cache(CacheModel cache) {
    return CodeBlock.of("new $T($L, $LL, $T.Scope.$L)", CACHE_POLICY, duration(cache.ttl()), cache.maxEntries(),
        CACHED, cache.userScope() ? "USER" : "GLOBAL");
  }

  CodeBlock budget(BudgetModel budget) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.pool($S)", BUDGET_POLICY, budget.pool());
    budget.limitsNanos().forEach((limit, nanos) ->
        code.add(".$N($LL)", limit.replaceFirst("Usd$", "Nanos"), nanos));
    return code.add(".alertAt($L).build()", Double.toString(budget.alertAt())).build();
  }

  CodeBlock rateLimit(RateLimitModel limit) {
    return CodeBlock.of("new $T($L, $L, $L, $L)", RATE_LIMIT_POLICY, perMinute(limit.requestsPerMinute()),
        perMinute(limit.tokensPerMinute()), limit.perUser(), duration(limit.maxWait()));
  }

  private static CodeBlock perMinute(OptionalLong limit) {
    return limit.isPresent()
        ? CodeBlock.of("$LL", limit.getAsLong())
        : CodeBlock.of("$T.NO_LIMIT", RATE_LIMIT_POLICY);
  }

  /** The shortest exact factory call: whole seconds, else milliseconds, else nanoseconds. */
  private static CodeBlock duration(Duration duration) {
    if (duration.getNano() == 0) {
      return CodeBlock.of("$T.ofSeconds($LL)", Duration.class, duration.getSeconds());
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return CodeBlock.of("$T.ofMillis($LL)", Duration.class, duration.toMillis());
    }
    return CodeBlock.of("$T.ofNanos($LL)", Duration.class, duration.toNanos());
  }
}
