package dev.llmgen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.llmgen.processor.model.BudgetModel;
import dev.llmgen.processor.model.CacheModel;
import dev.llmgen.processor.model.CascadeModel;
import dev.llmgen.processor.model.RateLimitModel;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes a method's policies as the runtime's objects, from literals: durations already parsed and
 * dollar limits already in nanodollars.
 */
final class PolicyWriter {

  private static final ClassName CACHED = ClassName.get("dev.llmgen.annotations", "Cached");
  private static final ClassName CACHE_POLICY = ClassName.get("dev.llmgen.runtime.cache", "CachePolicy");
  private static final ClassName BUDGET_POLICY = ClassName.get("dev.llmgen.runtime.budget", "BudgetPolicy");
  private static final ClassName RATE_LIMIT_POLICY = ClassName.get("dev.llmgen.runtime.ratelimit", "RateLimitPolicy");
  private static final ClassName CASCADE_POLICY = ClassName.get("dev.llmgen.runtime.cascade", "CascadePolicy");

  /** A {@code Duration} factory of whole units, and the seconds in one unit. */
  private record WholeUnit(String factory, long seconds) {}

  /** Largest first; seconds hold any whole number of seconds. */
  private static final List<WholeUnit> WHOLE_UNITS = List.of(
      new WholeUnit("ofDays", 86_400), new WholeUnit("ofHours", 3_600), new WholeUnit("ofMinutes", 60),
      new WholeUnit("ofSeconds", 1));

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

  CodeBlock cascade(CascadeModel cascade) {
    return CodeBlock.of("new $T($T.of($L), $L, $L)", CASCADE_POLICY, List.class, strings(cascade.models()),
        Double.toString(cascade.threshold()), cascade.failBelowThreshold());
  }

  /** {@code "gpt-4o-mini", "gpt-4o"}: string literals separated by commas, as arguments. */
  static CodeBlock strings(List<String> values) {
    return CodeBlock.join(values.stream().map(value -> CodeBlock.of("$S", value)).toList(), ", ");
  }

  private static CodeBlock perMinute(OptionalLong limit) {
    return limit.isPresent()
        ? CodeBlock.of("$LL", limit.getAsLong())
        : CodeBlock.of("$T.NO_LIMIT", RATE_LIMIT_POLICY);
  }

  /**
   * The factory call a person would write: in the largest unit that holds the duration exactly,
   * {@code Duration.ofMinutes(2)} rather than {@code Duration.ofSeconds(120)}.
   */
  static CodeBlock duration(Duration duration) {
    if (duration.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    if (duration.getNano() == 0) {
      long seconds = duration.getSeconds();
      WholeUnit unit = WHOLE_UNITS.stream().filter(candidate -> seconds % candidate.seconds() == 0).findFirst().get();
      return CodeBlock.of("$T.$N($L)", Duration.class, unit.factory(), longLiteral(seconds / unit.seconds()));
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return CodeBlock.of("$T.ofMillis($L)", Duration.class, longLiteral(duration.toMillis()));
    }
    return CodeBlock.of("$T.ofNanos($L)", Duration.class, longLiteral(duration.toNanos()));
  }

  /** {@code 20}, or {@code 3000000000L} for a value an {@code int} cannot hold. */
  private static String longLiteral(long value) {
    return value == (int) value ? Long.toString(value) : value + "L";
  }
}
