package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.budget.BudgetExceededException;
import dev.llmgen.runtime.ratelimit.RateLimitedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cost-control annotations, compiled into a generated service and run through the real runtime. */
class CostControlsGeneratedTest {

  private static final Compilation COMPILATION = javac().withProcessors(new LlmProcessor()).compile(
      JavaFileObjects.forSourceString("test.Desk", """
          package test;

          import dev.llmgen.annotations.Budget;
          import dev.llmgen.annotations.Cached;
          import dev.llmgen.annotations.LlmCall;
          import dev.llmgen.annotations.RateLimited;
          import dev.llmgen.annotations.UserId;
          import dev.llmgen.runtime.LlmResult;

          public interface Desk {
            @LlmCall(model = "gpt-4o-mini", maxTokens = 20, temperature = 0, prompt = "Classify {message}")
            @Cached(ttl = "1h", scope = Cached.Scope.USER)
            LlmResult<String> classify(String message, @UserId String customer);

            @LlmCall(model = "gpt-4o", maxTokens = 1000, prompt = "Draft a reply to {message}")
            @Budget(perRequestUsd = 0.001)
            String draft(String message);

            @LlmCall(model = "gpt-4o-mini", maxTokens = 20, prompt = "Summarize {message}")
            @RateLimited(requestsPerMinute = 1, maxWait = "0s")
            String summarize(String message);
          }
          """));

  private ScriptedProvider provider;
  private Object desk;

  @BeforeEach
  void createService() throws ReflectiveOperationException {
    assertThat(COMPILATION).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(COMPILATION);
    provider = new ScriptedProvider();
    Module generated = (Module) classes.load("test.DeskModule").getConstructor().newInstance();
    desk = Guice.createInjector(provider.runtimeModule(), generated).getInstance(classes.load("test.Desk"));
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCachePerUser() throws Exception {
    provider.answer("BILLING").answer("BILLING");

    LlmResult<?> first = (LlmResult<?>) call("classify", "I was charged twice", "ada");
    LlmResult<?> again = (LlmResult<?>) call("classify", "I was charged twice", "ada");
    LlmResult<?> otherUser = (LlmResult<?>) call("classify", "I was charged twice", "ben");

    assertFalse(first.fromCache());
    assertTrue(again.fromCache());
    assertEquals(0, again.costNanos());
    assertFalse(otherUser.fromCache());
    assertEquals(2, provider.requests().size());
  }

  @Test
  void aCallWhoseWorstCaseExceedsTheBudgetIsNeverSent() {
    // 1,000 output tokens of gpt-4o at $10 per million may cost $0.01, more than the $0.001 allowed.
    BudgetExceededException refused =
        assertThrows(BudgetExceededException.class, () -> call("draft", "Where is my order?"));

    assertTrue(refused.getMessage().contains("perRequestUsd"), refused.getMessage());
    assertTrue(provider.requests().isEmpty());
  }

  @Test
  void aCallOverTheRateLimitFailsWithoutWaitingPastMaxWait() throws Exception {
    provider.answer("A summary");

    assertEquals("A summary", call("summarize", "first"));
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> call("summarize", "second"));

    assertTrue(refused.getMessage().contains("requestsPerMinute"), refused.getMessage());
    assertEquals(1, provider.requests().size());
  }

  private Object call(String name, Object... arguments) throws Exception {
    return CompiledClasses.invoke(desk, name, arguments);
  }
}
