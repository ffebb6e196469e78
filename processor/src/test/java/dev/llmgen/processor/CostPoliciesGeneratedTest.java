package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.llmgen.processor.GeneratedSources.golden;
import static dev.llmgen.processor.GeneratedSources.sourceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.llmgen.annotations.Cached;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every attribute of {@code @Budget}, {@code @RateLimited} and {@code @Cached}, written into a
 * generated service that must compile against the runtime: a builder, factory or constant named
 * wrongly fails the compilation, and a value written wrongly shows in the compiled policies.
 */
class CostPoliciesGeneratedTest {

  static final JavaFileObject DESK = JavaFileObjects.forSourceString("test.Desk", """
      package test;

      import dev.llmgen.annotations.Budget;
      import dev.llmgen.annotations.Cached;
      import dev.llmgen.annotations.LlmCall;
      import dev.llmgen.annotations.RateLimited;
      import dev.llmgen.annotations.UserId;

      public interface Desk {
        @LlmCall(model = "gpt-4o-mini", maxTokens = 20, temperature = 0, prompt = "Classify {message}")
        @Cached(ttl = "7d", maxEntries = 5_000_000_000L, scope = Cached.Scope.USER)
        String classify(String message, @UserId String customer);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 200, temperature = 0, prompt = "Translate {message}")
        @Cached(ttl = "36h", maxEntries = 500)
        String translate(String message);

        @LlmCall(model = "gpt-4o", maxTokens = 1000, prompt = "Draft a reply to {message}")
        @Budget(perRequestUsd = 0.05, perUserDailyUsd = 1.25, perUserMonthlyUsd = 20, perAppDailyUsd = 150,
            perAppMonthlyUsd = 3000, alertAt = 0.5, pool = "support")
        @RateLimited(requestsPerMinute = 30, tokensPerMinute = 90_000, perUser = true, maxWait = "PT3.000000001S")
        String draft(String message, @UserId String customer);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 200, prompt = "Summarize {message}")
        @Budget(perAppDailyUsd = 10)
        @RateLimited(tokensPerMinute = 50_000, maxWait = "PT0.0000015S")
        String summarize(String message);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Is {message} urgent?")
        @RateLimited(requestsPerMinute = 5, maxWait = "2500ms")
        boolean urgent(String message);
      }
      """);

  private static Compilation compilation;
  private static Class<?> implementation;

  @BeforeAll
  static void compile() {
    // compile-testing compiles the generated files too, against the runtime on the test class path.
    compilation = javac().withProcessors(new LlmProcessor()).compile(DESK);
    assertThat(compilation).succeededWithoutWarnings();
    implementation = new CompiledClasses(compilation).load("test.DeskImpl");
  }

  @Test
  void theGeneratedImplementationWritesEveryPolicyAsAPersonWould() throws IOException {
    assertEquals(golden("DeskImpl.java"), sourceOf(compilation, "test/DeskImpl.java"));
  }

  @Test
  void budgetLimitsAreCarriedInNanodollarsWithTheirPoolAndAlert() throws ReflectiveOperationException {
    assertEquals(Optional.of(new BudgetPolicy("support",
            50_000_000L, 1_250_000_000L, 20_000_000_000L, 150_000_000_000L, 3_000_000_000_000L, 0.5)),
        spec("DRAFT").budget());
  }

  @Test
  void aBudgetLimitLeftOutDoesNotApplyAndDefaultsFillTheRest() throws ReflectiveOperationException {
    long none = BudgetPolicy.NO_LIMIT;
    assertEquals(Optional.of(new BudgetPolicy("default", none, none, none, 10_000_000_000L, none, 0.8)),
        spec("SUMMARIZE").budget());
    assertEquals(Optional.empty(), spec("URGENT").budget());
  }

  @Test
  void rateLimitsCarryEachLimitPerUserAndTheirWait() throws ReflectiveOperationException {
    assertEquals(Optional.of(new RateLimitPolicy(30, 90_000, true, Duration.ofNanos(3_000_000_001L))),
        spec("DRAFT").rateLimit());
    assertEquals(Optional.of(new RateLimitPolicy(RateLimitPolicy.NO_LIMIT, 50_000, false, Duration.ofNanos(1_500))),
        spec("SUMMARIZE").rateLimit());
    assertEquals(Optional.of(new RateLimitPolicy(5, RateLimitPolicy.NO_LIMIT, false, Duration.ofMillis(2_500))),
        spec("URGENT").rateLimit());
  }

  @Test
  void cachesCarryTheirTtlSizeAndScope() throws ReflectiveOperationException {
    assertEquals(Optional.of(new CachePolicy(Duration.ofDays(7), 5_000_000_000L, Cached.Scope.USER)),
        spec("CLASSIFY").cache());
    assertEquals(Optional.of(new CachePolicy(Duration.ofHours(36), 500, Cached.Scope.GLOBAL)),
        spec("TRANSLATE").cache());
    assertEquals(Optional.empty(), spec("DRAFT").cache());
  }

  /** The compiled implementation's {@code static final CallSpec} named {@code field}. */
  private static CallSpec<?> spec(String field) throws ReflectiveOperationException {
    Field constant = implementation.getDeclaredField(field);
    constant.setAccessible(true);
    return (CallSpec<?>) constant.get(null);
  }
}
