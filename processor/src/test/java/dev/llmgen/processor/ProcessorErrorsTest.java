package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every compile error and warning of the processor: its message, and the line it is reported on. */
class ProcessorErrorsTest {

  private static final String HEADER = String.join("\n",
      "package test;",
      "import dev.llmgen.annotations.Budget;",
      "import dev.llmgen.annotations.Cached;",
      "import dev.llmgen.annotations.Cascade;",
      "import dev.llmgen.annotations.Fallback;",
      "import dev.llmgen.annotations.LlmCall;",
      "import dev.llmgen.annotations.RateLimited;",
      "import dev.llmgen.annotations.Retry;",
      "import dev.llmgen.annotations.Timeout;",
      "import dev.llmgen.annotations.UserId;",
      "import dev.llmgen.runtime.LlmResult;",
      "import dev.llmgen.runtime.TokenStream;",
      "import dev.llmgen.runtime.cascade.AnswerScorer;",
      "import java.util.List;",
      "import java.util.Map;",
      "import java.util.concurrent.CompletableFuture;",
      "import java.util.concurrent.Flow;",
      "");

  /** A scorer to extend, so that scorers in tests only show what is being tested. */
  private static final JavaFileObject BASE_SCORER = JavaFileObjects.forSourceString("test.BaseScorer", """
      package test;

      import dev.llmgen.runtime.cascade.AnswerScorer;
      import dev.llmgen.runtime.cascade.Candidate;
      import dev.llmgen.runtime.cascade.Score;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionStage;

      public abstract class BaseScorer implements AnswerScorer {
        @Override
        public CompletionStage<Score> score(Candidate<?> candidate) {
          return CompletableFuture.completedFuture(Score.of(1, "fine"));
        }
      }
      """);

  /** Guice 7 reads jakarta.inject only; javax.inject may still be on a user's class path. */
  private static final JavaFileObject JAVAX_INJECT = JavaFileObjects.forSourceString("javax.inject.Inject", """
      package javax.inject;

      import java.lang.annotation.ElementType;
      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import java.lang.annotation.Target;

      @Retention(RetentionPolicy.RUNTIME)
      @Target({ElementType.CONSTRUCTOR, ElementType.METHOD, ElementType.FIELD})
      public @interface Inject {}
      """);

  static Stream<Arguments> errors() {
    return Stream.of(
        error("@LlmCall on a class method",
            "abstract class Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  abstract String greet(String name);\n"
                + "}",
            "[LlmCallOutsideInterface] @LlmCall is only allowed on interface methods, but greet is declared in class Bot",
            "@LlmCall"),
        error("abstract method without @LlmCall",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  String greet(String name);\n"
                + "  String farewell(String name);\n"
                + "}",
            "[LlmMissingCall] farewell is abstract but has no @LlmCall",
            "String farewell"),
        error("@LlmCall on a default method",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  default String greet(String name) { return name; }\n"
                + "}",
            "[LlmCallWithBody] greet is a default method with a body, which llmgen would not replace",
            "@LlmCall"),
        error("@LlmCall on a static method",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  static String greet(String name) { return name; }\n"
                + "}",
            "[LlmCallWithBody] greet is a static method with a body",
            "@LlmCall"),
        error("generic method",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  <T> String greet(T name);\n"
                + "}",
            "[LlmGenericMethod] greet declares type parameters <T>",
            "<T> String greet"),
        error("empty prompt",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10,\n"
                + "      prompt = \"\")\n"
                + "  String greet();\n"
                + "}",
            "[LlmEmptyPrompt] @LlmCall prompt is empty",
            "prompt = \"\""),
        error("maxTokens below 1",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\",\n"
                + "      maxTokens = 0, prompt = \"Hi {name}\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmMaxTokens] @LlmCall maxTokens is 0; it must be at least 1",
            "maxTokens = 0"),
        error("temperature above 2",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\",\n"
                + "      temperature = 2.5)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmTemperature] @LlmCall temperature is 2.5; it must be in [0, 2]",
            "temperature = 2.5"),
        error("temperature above 1 for a Claude fallback",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o\", maxTokens = 10, prompt = \"Hi {name}\",\n"
                + "      temperature = 1.5)\n"
                + "  @dev.llmgen.annotations.Fallback(\"claude-sonnet-4-5\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmTemperatureForAnthropic] @LlmCall temperature is 1.5, but claude-sonnet-4-5 is an Anthropic model",
            "temperature = 1.5"),
        error("temperature below 0",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\",\n"
                + "      temperature = -0.1)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmTemperature] @LlmCall temperature is -0.1",
            "temperature = -0.1"),
        error("empty model",
            "interface Bot {\n"
                + "  @LlmCall(model = \"\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmEmptyModel] @LlmCall model is empty",
            "model = \"\""),
        error("placeholder naming no parameter",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10,\n"
                + "      prompt = \"Answer: {questin}\")\n"
                + "  String answer(String question, @UserId String user);\n"
                + "}",
            "[LlmUnknownPlaceholder] {questin} in the prompt names no parameter of answer(question, user)"
                + " (did you mean {question}?). Parameters: question, user.",
            "prompt = \"Answer: {questin}\""),
        error("parameter used by no placeholder",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer: {question}\")\n"
                + "  String answer(String question,\n"
                + "      String context);\n"
                + "}",
            "[LlmUnusedParameter] parameter context is not used in the prompt; add {context} to the prompt,"
                + " mark it @UserId, or remove it.",
            "String context"),
        error("unclosed brace",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10,\n"
                + "      prompt = \"Answer: {question\")\n"
                + "  String answer(String question);\n"
                + "}",
            "[LlmUnbalancedBrace] the prompt has an unmatched '{' at position 8",
            "prompt = \"Answer: {question\""),
        error("lone closing brace",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10,\n"
                + "      prompt = \"Answer {question} }\")\n"
                + "  String answer(String question);\n"
                + "}",
            "[LlmUnbalancedBrace] the prompt has an unmatched '}' at position 18",
            "prompt = \"Answer {question} }\""),
        error("placeholder that is not a name",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10,\n"
                + "      prompt = \"Answer {ticket.subject}\")\n"
                + "  String answer(String ticket);\n"
                + "}",
            "[LlmInvalidPlaceholder] '{ticket.subject}' at position 7 of the prompt is not a parameter name",
            "prompt = \"Answer {ticket.subject}\""),
        error("placeholder in the system prompt",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\",\n"
                + "      system = \"You help {user}\")\n"
                + "  String answer(String question, @UserId String user);\n"
                + "}",
            "[LlmSystemPlaceholder] the system prompt is sent as written and cannot use placeholders, but it has {user}",
            "system = \"You help {user}\""),
        error("two @UserId parameters",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  String answer(String question, @UserId String user,\n"
                + "      @UserId String account);\n"
                + "}",
            "[LlmDuplicateUserId] answer has more than one @UserId parameter (user, account)",
            "@UserId String account"),
        error("@UserId that is not a String",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  String answer(String question,\n"
                + "      @UserId long user);\n"
                + "}",
            "[LlmUserIdNotString] @UserId parameter user is a long; it must be a String.",
            "@UserId long user"),
        error("@UserId on a method without @LlmCall",
            "interface Bot {\n"
                + "  default String answer(String question,\n"
                + "      @UserId String user) { return question; }\n"
                + "}",
            "[LlmUserIdWithoutCall] @UserId on parameter user of answer has no effect",
            "@UserId String user"),
        error("void return type",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  void answer(String question);\n"
                + "}",
            "[LlmUnsupportedReturnType] void cannot be returned by an @LlmCall method. Return String, an enum",
            "void answer"),
        error("list return type",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  List<String> answer(String question);\n"
                + "}",
            "[LlmUnsupportedReturnType] java.util.List<java.lang.String> cannot be returned",
            "List<String> answer"),
        error("future of a future",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  CompletableFuture<CompletableFuture<String>> answer(String question);\n"
                + "}",
            "LlmResult may only be wrapped in CompletableFuture, once",
            "CompletableFuture<CompletableFuture<String>> answer"),
        error("record with a map property",
            "interface Bot {\n"
                + "  record Facts(String name, Map<String, String> attributes) {}\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Describe {thing}\")\n"
                + "  Facts describe(String thing);\n"
                + "}",
            "[LlmUnsupportedReturnType] test.Bot.Facts cannot be returned by an @LlmCall method as structured"
                + " output: property Facts.attributes of type java.util.Map<java.lang.String,java.lang.String>"
                + " has no JSON schema: maps have open-ended keys",
            "Facts describe"),
        error("recursive record",
            "interface Bot {\n"
                + "  record Node(String name, List<Node> children) {}\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Describe {thing}\")\n"
                + "  Node describe(String thing);\n"
                + "}",
            "it refers to itself through test.Bot.Node → test.Bot.Node, and a recursive type has no finite JSON schema",
            "Node describe"),
        error("class without a usable constructor",
            "interface Bot {\n"
                + "  final class Facts { public String name; public Facts(String name) { this.name = name; } }\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Describe {thing}\")\n"
                + "  Facts describe(String thing);\n"
                + "}",
            "Facts has neither a non-private no-argument constructor nor a @JsonCreator",
            "Facts describe"),
        error("checked exception",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  String answer(String question) throws java.io.IOException;\n"
                + "}",
            "[LlmCheckedException] answer declares the checked exception java.io.IOException",
            "throws java.io.IOException"),
        error("@Cached ttl that is not a duration",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\", temperature = 0)\n"
                + "  @Cached(ttl = \"soon\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBadDuration] @Cached ttl 'soon' is not a duration: write 500ms, 30s, 10m, 1h, 7d or ISO-8601",
            "@Cached(ttl = \"soon\")"),
        error("@Cached ttl of zero",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\", temperature = 0)\n"
                + "  @Cached(ttl = \"0s\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCacheTtl] @Cached ttl is 0s; it must be longer than zero.",
            "@Cached(ttl = \"0s\")"),
        error("@Cached without room",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\", temperature = 0)\n"
                + "  @Cached(ttl = \"1h\",\n"
                + "      maxEntries = 0)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCacheMaxEntries] @Cached maxEntries is 0; it must be at least 1.",
            "maxEntries = 0"),
        error("@Cached per user without a user",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\", temperature = 0)\n"
                + "  @Cached(ttl = \"1h\",\n"
                + "      scope = Cached.Scope.USER)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmPolicyNeedsUserId] @Cached(scope = USER) needs to know the user, but greet has no @UserId parameter",
            "scope = Cached.Scope.USER"),
        error("@Budget without a limit",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Budget(alertAt = 0.5)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBudgetNoLimit] @Budget sets no limit; set at least one of perRequestUsd",
            "@Budget(alertAt = 0.5)"),
        error("@Budget with a negative limit",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Budget(perAppDailyUsd = 10,\n"
                + "      perRequestUsd = -0.01)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBudgetLimit] @Budget perRequestUsd is -0.01; a limit must be a dollar amount of 0 or more",
            "perRequestUsd = -0.01"),
        error("@Budget alertAt above 1",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Budget(perAppDailyUsd = 10,\n"
                + "      alertAt = 1.5)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBudgetAlertAt] @Budget alertAt is 1.5; it must be in (0, 1]",
            "alertAt = 1.5"),
        error("@Budget alertAt of 0",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Budget(perAppDailyUsd = 10,\n"
                + "      alertAt = 0)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBudgetAlertAt] @Budget alertAt is 0.0",
            "alertAt = 0)"),
        error("@Budget per user without a user",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Budget(\n"
                + "      perUserDailyUsd = 5)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmPolicyNeedsUserId] @Budget perUserDailyUsd needs to know the user, but greet has no @UserId parameter."
                + " Add a String parameter marked @UserId, or use a per-app limit.",
            "perUserDailyUsd = 5"),
        error("@RateLimited without a limit",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @RateLimited(maxWait = \"1s\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRateLimitNoLimit] @RateLimited sets no limit",
            "@RateLimited(maxWait = \"1s\")"),
        error("@RateLimited with a limit of 0",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @RateLimited(requestsPerMinute = 60,\n"
                + "      tokensPerMinute = 0)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRateLimit] @RateLimited tokensPerMinute is 0; it must be at least 1.",
            "tokensPerMinute = 0"),
        error("@RateLimited maxWait that is not a duration",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @RateLimited(requestsPerMinute = 60,\n"
                + "      maxWait = \"a while\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBadDuration] @RateLimited maxWait 'a while' is not a duration",
            "maxWait = \"a while\""),
        error("@RateLimited per user without a user",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @RateLimited(requestsPerMinute = 60,\n"
                + "      perUser = true)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmPolicyNeedsUserId] @RateLimited(perUser = true) needs to know the user",
            "perUser = true"),
        error("a cost control without @LlmCall",
            "interface Bot {\n"
                + "  @Cached(ttl = \"1h\")\n"
                + "  default String greet(String name) { return name; }\n"
                + "}",
            "[LlmPolicyWithoutCall] @Cached on greet has no effect, because the method has no @LlmCall.",
            "@Cached(ttl = \"1h\")"),
        error("generic interface",
            "interface Bot<T> {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "  String answer(String question);\n"
                + "}",
            "[LlmGenericInterface] test.Bot declares type parameters <T>",
            "interface Bot<T>"),
        error("private interface",
            "class Outer {\n"
                + "  private interface Bot {\n"
                + "    @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
                + "    String answer(String question);\n"
                + "  }\n"
                + "}",
            "[LlmPrivateInterface] test.Outer.Bot is private",
            "private interface Bot"));
  }

  static Stream<Arguments> modelErrors() {
    return Stream.of(
        error("no model and no @Cascade",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmMissingModel] @LlmCall names no model; set model, e.g. model = \"gpt-4o-mini\", or add @Cascade",
            "@LlmCall(maxTokens = 10"),
        error("@Cascade with one model",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCascadeTooFewModels] @Cascade names 1 model(s); a cascade needs at least two",
            "@Cascade(models = {\"gpt-4o\"})"),
        error("@Cascade model missing from the catalog",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o\",\n"
                + "      \"gpt-4o-mni\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmUncataloguedModel] @Cascade model \"gpt-4o-mni\" is not in the model catalog (did you mean"
                + " \"gpt-4o-mini\"?). A model asked only when another falls short or fails must be known",
            "\"gpt-4o-mni\"})"),
        error("@Cascade naming a model twice",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\",\n"
                + "      \"gpt-4o-mini\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmDuplicateModel] @Cascade names model \"gpt-4o-mini\" more than once",
            "\"gpt-4o-mini\"})"),
        error("@Cascade threshold above 1",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      threshold = 1.5)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCascadeThreshold] @Cascade threshold is 1.5; it must be in (0, 1]",
            "threshold = 1.5"),
        error("@Cascade threshold of 0",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      threshold = 0)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCascadeThreshold] @Cascade threshold is 0.0",
            "threshold = 0)"),
        error("@Cascade threshold NaN",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      threshold = Double.NaN)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCascadeThreshold] @Cascade threshold is NaN",
            "threshold = Double.NaN"),
        error("@LlmCall model other than the cascade's first",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\",\n"
                + "      model = \"gpt-4o\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmCascadeModelContradicts] @LlmCall model \"gpt-4o\" contradicts @Cascade, whose first model is"
                + " \"gpt-4o-mini\"; leave model out",
            "model = \"gpt-4o\")"),
        error("@Cascade with @Fallback",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"})\n"
                + "  @Fallback({\"claude-sonnet-4-5\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmFallbackWithCascade] @Fallback cannot be combined with @Cascade, which already moves on to its"
                + " next model when one fails",
            "@Fallback"),
        error("@Fallback without a model",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Fallback({})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmFallbackNoModel] @Fallback names no model",
            "@Fallback({})"),
        error("@Fallback model missing from the catalog",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Fallback({\"gpt-4o\",\n"
                + "      \"claude-sonet-4-5\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmUncataloguedModel] @Fallback model \"claude-sonet-4-5\" is not in the model catalog (did you mean"
                + " \"claude-sonnet-4-5\"?)",
            "\"claude-sonet-4-5\"})"),
        error("@Fallback naming a model twice",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Fallback({\"gpt-4o\",\n"
                + "      \"gpt-4o\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmDuplicateModel] @Fallback names model \"gpt-4o\" more than once",
            "\"gpt-4o\"})"),
        error("@Fallback naming the method's own model",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Fallback({\"gpt-4o\",\n"
                + "      \"gpt-4o-mini\"})\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmFallbackOwnModel] @Fallback names \"gpt-4o-mini\", the method's own model",
            "\"gpt-4o-mini\"})"));
  }

  static Stream<Arguments> scorerErrors() {
    return Stream.of(
        error("scorer that is no AnswerScorer",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = String.class)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmScorerType] @Cascade scorer java.lang.String does not implement dev.llmgen.runtime.cascade.AnswerScorer",
            "scorer = String.class"),
        error("abstract scorer",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = BaseScorer.class)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmScorerAbstract] @Cascade scorer test.BaseScorer is an abstract class, which Guice cannot construct;"
                + " name a concrete class, or annotate it with @ImplementedBy or @ProvidedBy.",
            "scorer = BaseScorer.class"),
        error("scorer interface",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = AnswerScorer.class)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmScorerAbstract] @Cascade scorer dev.llmgen.runtime.cascade.AnswerScorer is an interface",
            "scorer = AnswerScorer.class"),
        error("inner scorer class",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = Scorers.Judge.class)\n"
                + "  String greet(String name);\n"
                + "}\n"
                + "class Scorers {\n"
                + "  class Judge extends BaseScorer {}\n"
                + "}",
            "[LlmScorerInnerClass] @Cascade scorer test.Scorers.Judge is an inner class, whose instances belong to"
                + " an instance of test.Scorers that Guice cannot supply; declare it static.",
            "scorer = Scorers.Judge.class"),
        error("private scorer class",
            "class Scorers {\n"
                + "  private static class Judge extends BaseScorer {}\n"
                + "  interface Bot {\n"
                + "    @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "    @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "        scorer = Judge.class)\n"
                + "    String greet(String name);\n"
                + "  }\n"
                + "}",
            "[LlmScorerInaccessible] @Cascade scorer test.Scorers.Judge is not accessible from package test, where"
                + " the generated implementation that receives it is; make it public",
            "scorer = Judge.class"),
        error("scorer whose only constructor takes arguments",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = Judge.class)\n"
                + "  String greet(String name);\n"
                + "}\n"
                + "class Judge extends BaseScorer {\n"
                + "  Judge(double strictness) {}\n"
                + "}",
            "[LlmScorerConstructor] @Cascade scorer test.Judge has no constructor Guice can use; add one annotated"
                + " @jakarta.inject.Inject, or a non-private one without parameters.",
            "scorer = Judge.class"),
        error("scorer whose constructor without arguments is private",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = Judge.class)\n"
                + "  String greet(String name);\n"
                + "}\n"
                + "class Judge extends BaseScorer {\n"
                + "  private Judge() {}\n"
                + "}",
            "[LlmScorerConstructor] @Cascade scorer test.Judge has no constructor Guice can use",
            "scorer = Judge.class"),
        error("scorer injected with javax.inject",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = Judge.class)\n"
                + "  String greet(String name);\n"
                + "}\n"
                + "class Judge extends BaseScorer {\n"
                + "  @javax.inject.Inject Judge(Runnable onScore) {}\n"
                + "}",
            "[LlmScorerJavaxInject] @Cascade scorer test.Judge marks a constructor with javax.inject.Inject, which"
                + " Guice 7 ignores; use jakarta.inject.Inject.",
            "scorer = Judge.class"),
        error("scorer with two @Inject constructors",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"},\n"
                + "      scorer = Judge.class)\n"
                + "  String greet(String name);\n"
                + "}\n"
                + "class Judge extends BaseScorer {\n"
                + "  @jakarta.inject.Inject Judge() {}\n"
                + "  @com.google.inject.Inject Judge(Runnable onScore) {}\n"
                + "}",
            "[LlmScorerInjectConstructors] @Cascade scorer test.Judge has 2 constructors annotated @Inject; Guice"
                + " needs exactly one",
            "scorer = Judge.class"));
  }

  static Stream<Arguments> resilienceErrors() {
    return Stream.of(
        error("@Retry with no attempt",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Retry(maxAttempts = 0)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRetryMaxAttempts] @Retry maxAttempts is 0; it must be from 1 (no retry) to 10, the first request"
                + " included.",
            "@Retry(maxAttempts = 0)"),
        error("@Retry with too many attempts",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Retry(backoff = \"1s\",\n"
                + "      maxAttempts = 11)\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRetryMaxAttempts] @Retry maxAttempts is 11",
            "maxAttempts = 11"),
        error("@Retry backoff that is not a duration",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Retry(maxAttempts = 3,\n"
                + "      backoff = \"briefly\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBadDuration] @Retry backoff 'briefly' is not a duration",
            "backoff = \"briefly\""),
        error("@Retry maxBackoff of zero",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Retry(maxAttempts = 3,\n"
                + "      maxBackoff = \"0s\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRetryBackoff] @Retry maxBackoff is 0s; it must be longer than zero.",
            "maxBackoff = \"0s\""),
        error("@Retry backoff longer than maxBackoff",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Retry(maxBackoff = \"30s\",\n"
                + "      backoff = \"1m\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmRetryBackoffOrder] @Retry backoff 1m is longer than maxBackoff 30s",
            "backoff = \"1m\""),
        error("@Timeout that is not a duration",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Timeout(\"soon\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmBadDuration] @Timeout value 'soon' is not a duration",
            "@Timeout(\"soon\")"),
        error("@Timeout of zero",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Timeout(\"PT0S\")\n"
                + "  String greet(String name);\n"
                + "}",
            "[LlmTimeout] @Timeout is PT0S; it must be longer than zero.",
            "@Timeout(\"PT0S\")"),
        error("a resilience setting without @LlmCall",
            "interface Bot {\n"
                + "  @Retry(maxAttempts = 2)\n"
                + "  default String greet(String name) { return name; }\n"
                + "}",
            "[LlmPolicyWithoutCall] @Retry on greet has no effect, because the method has no @LlmCall.",
            "@Retry(maxAttempts = 2)"));
  }

  static Stream<Arguments> streamingErrors() {
    return Stream.of(
        error("a stream of something other than text",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Count to {number}\")\n"
                + "  Flow.Publisher<Integer> count(int number);\n"
                + "}",
            "[LlmUnsupportedReturnType] java.util.concurrent.Flow.Publisher<java.lang.Integer> cannot be returned by"
                + " an @LlmCall method: a stream publishes the answer's text as the model writes it, so it is"
                + " Flow.Publisher<String>",
            "Flow.Publisher<Integer> count"),
        error("a stream inside a future",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  CompletableFuture<TokenStream> greet(String name);\n"
                + "}",
            "a stream is returned as it is, not wrapped; once it ends, TokenStream.result() gives its LlmResult",
            "CompletableFuture<TokenStream> greet"),
        error("@Cached on a stream",
            "interface Bot {\n"
                + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\", temperature = 0)\n"
                + "  @Cached(ttl = \"1h\")\n"
                + "  TokenStream greet(String name);\n"
                + "}",
            "[LlmCachedStream] @Cached cannot keep the answer of greet, which streams it: a cache cannot replay a"
                + " stream.",
            "@Cached(ttl = \"1h\")"),
        error("@Cascade on a stream",
            "interface Bot {\n"
                + "  @LlmCall(maxTokens = 10, prompt = \"Hi {name}\")\n"
                + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"})\n"
                + "  Flow.Publisher<String> greet(String name);\n"
                + "}",
            "[LlmCascadeStream] @Cascade cannot be used on greet, which streams its answer",
            "@Cascade(models"));
  }

  private static Arguments error(String description, String body, String message, String line) {
    return Arguments.of(description, body, message, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"errors", "modelErrors", "scorerErrors", "resilienceErrors", "streamingErrors"})
  void reportsTheErrorOnTheLineThatMadeIt(String description, String body, String message, String line) {
    JavaFileObject source = source("test.Bot", body);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a class nested in the interface, implicitly static|interface Bot { class Judge extends BaseScorer {} }",
      "a private @Inject constructor|class Judge extends BaseScorer { @jakarta.inject.Inject private Judge(Runnable r) {} }",
      "one Guice @Inject constructor among others|class Judge extends BaseScorer { Judge(int a) {} @com.google.inject.Inject Judge() {} }",
      "an interface Guice is told how to implement|@com.google.inject.ImplementedBy(Strict.class) interface Judge extends AnswerScorer {}"
          + " class Strict extends BaseScorer {}",
      "a record without components|record Judge() implements AnswerScorer { public java.util.concurrent.CompletionStage<"
          + "dev.llmgen.runtime.cascade.Score> score(dev.llmgen.runtime.cascade.Candidate<?> c) { return null; } }"})
  void aScorerGuiceCanConstructIsAccepted(String description, String scorer) {
    String judge = scorer.startsWith("interface Bot") ? "Bot.Judge" : "Judge";
    JavaFileObject source = source("test.Service", scorer + "\n"
        + "interface Service {\n"
        + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
        + "  @Cascade(models = {\"gpt-4o-mini\", \"gpt-4o\"}, scorer = " + judge + ".class)\n"
        + "  String greet(String name);\n"
        + "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ServiceImpl").contentsAsUtf8String()
        .contains("runtime.bind(GREET, judge)");
  }

  @Test
  void aScorerInheritedFromAnotherPackageMustBeVisibleFromTheImplementation() {
    JavaFileObject base = JavaFileObjects.forSourceString("other.Greeting", """
        package other;

        import dev.llmgen.annotations.Cascade;
        import dev.llmgen.annotations.LlmCall;

        public interface Greeting {
          @LlmCall(maxTokens = 10, prompt = "Hi {name}")
          @Cascade(models = {"gpt-4o-mini", "gpt-4o"},
              scorer = Judge.class)
          String greet(String name);
        }

        class Judge extends test.BaseScorer {}
        """);
    JavaFileObject bot = source("test.Bot",
        "interface Bot extends other.Greeting {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Bye {name}\")\n"
            + "  String farewell(String name);\n"
            + "}");

    Compilation compilation = compile(bot, base);

    assertThat(compilation)
        .hadErrorContaining("[LlmScorerInaccessible] @Cascade scorer other.Judge is not accessible from package test")
        .inFile(base)
        .onLineContaining("scorer = Judge.class");
  }

  @Test
  void aModelMissingFromTheCatalogIsAWarningWithASuggestion() {
    JavaFileObject source = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"gpt-4o-mni\", maxTokens = 10,\n"
            + "      prompt = \"Answer {question}\")\n"
            + "  String answer(String question);\n"
            + "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[LlmUnknownModel] model \"gpt-4o-mni\" is not in the model catalog, so llmgen"
            + " cannot price its calls (did you mean \"gpt-4o-mini\"?)")
        .inFile(source)
        .onLineContaining("model = \"gpt-4o-mni\"");
    assertThat(compilation).generatedSourceFile("test.BotImpl");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "temperature = 0.7|samples at temperature 0.7",
      "system = \"Be brief.\"|samples at the provider's default temperature"})
  void cachingSampledAnswersIsAWarning(String setting, String why) {
    JavaFileObject source = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\", " + setting + ")\n"
            + "  @Cached(ttl = \"1h\")\n"
            + "  String answer(String question);\n"
            + "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[LlmCacheSampled] @Cached stores the first answer and serves it to every identical"
            + " call, but this method " + why)
        .inFile(source)
        .onLineContaining("@Cached");
  }

  @Test
  void aUserCatalogPassedAsOptionMakesAModelKnown(@TempDir Path dir)
      throws Exception {
    Path catalog = dir.resolve("models.csv");
    Files.writeString(catalog,
        "model,provider,input,cached_input,cache_write,output,context_window,tokenizer\n"
            + "llama3.2,ollama,0,0,0,0,128000,cl100k_base\n");
    JavaFileObject source = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"llama3.2\", maxTokens = 10, prompt = \"Answer {question}\")\n"
            + "  String answer(String question);\n"
            + "}");

    Compilation compilation = javac()
        .withProcessors(new LlmProcessor())
        .withOptions("-Allmgen.modelCatalog=" + catalog)
        .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void anUnreadableCatalogOptionIsAnError() {
    JavaFileObject source = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
            + "  String answer(String question);\n"
            + "}");

    Compilation compilation = javac()
        .withProcessors(new LlmProcessor())
        .withOptions("-Allmgen.modelCatalog=/nonexistent/models.csv")
        .compile(source);

    assertThat(compilation).hadErrorContaining("[LlmModelCatalogOption] cannot read the model catalog");
  }

  @Test
  void oneBrokenInterfaceDoesNotStopTheOthers(@TempDir Path dir) throws IOException {
    // compile-testing hides generated files once compilation fails, so this one runs javac itself.
    Path sources = Files.createDirectories(dir.resolve("src/test"));
    Files.writeString(sources.resolve("Broken.java"), HEADER
        + "interface Broken {\n"
        + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {nothing}\")\n"
        + "  String answer(String question);\n"
        + "}");
    Files.writeString(sources.resolve("Fine.java"), HEADER
        + "interface Fine {\n"
        + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question}\")\n"
        + "  String answer(String question);\n"
        + "}");
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-s", generated.toString(), "-d", classes.toString(),
              "-classpath", System.getProperty("java.class.path")),
          null, files.getJavaFileObjects(sources.resolve("Broken.java"), sources.resolve("Fine.java")));
      task.setProcessors(List.of(new LlmProcessor()));

      assertFalse(task.call());
    }

    assertTrue(diagnostics.getDiagnostics().stream().anyMatch(diagnostic ->
        diagnostic.getMessage(null).startsWith("[LlmUnknownPlaceholder]")
            && diagnostic.getSource().getName().endsWith("Broken.java")));
    assertTrue(Files.exists(generated.resolve("test/FineImpl.java")));
    assertTrue(Files.exists(generated.resolve("test/FineModule.java")));
    assertFalse(Files.exists(generated.resolve("test/BrokenImpl.java")));
  }

  @Test
  void allErrorsOfAMethodAreReportedTogether() {
    JavaFileObject source = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 0, prompt = \"Answer {nothing}\", temperature = 3)\n"
            + "  String answer(String question);\n"
            + "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("[LlmMaxTokens]");
    assertThat(compilation).hadErrorContaining("[LlmTemperature]");
    assertThat(compilation).hadErrorContaining("[LlmUnknownPlaceholder]");
    assertThat(compilation).hadErrorContaining("[LlmUnusedParameter]");
  }

  @Test
  void anInheritedBrokenMethodIsReportedOnce() {
    JavaFileObject source = source("test.Sub",
        "interface Base {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Answer {question} {nothing}\")\n"
            + "  String answer(String question);\n"
            + "}\n"
            + "interface Sub extends Base {\n"
            + "  @LlmCall(model = \"gpt-4o-mini\", maxTokens = 10, prompt = \"Hi {name}\")\n"
            + "  String greet(String name);\n"
            + "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("[LlmUnknownPlaceholder]").inFile(source)
        .onLineContaining("Answer {question} {nothing}");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aHandWrittenClassWithTheGeneratedNameIsReportedOnTheInterface() {
    JavaFileObject bot = source("test.Bot",
        "interface Bot {\n"
            + "  @LlmCall(model = \"gpt-4o-mni\", maxTokens = 10, prompt = \"Answer {question}\")\n"
            + "  String answer(String question);\n"
            + "}");
    JavaFileObject handWritten = source("test.BotImpl", "class BotImpl {}");

    Compilation compilation = compile(bot, handWritten);

    assertThat(compilation)
        .hadErrorContaining("[LlmGeneratedNameTaken] llmgen generates test.BotImpl for test.Bot, but a class of that name already exists")
        .inFile(bot)
        .onLineContaining("interface Bot");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(1);
  }

  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(name, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    List<JavaFileObject> withSupport = new ArrayList<>(List.of(sources));
    withSupport.addAll(List.of(BASE_SCORER, JAVAX_INJECT));
    return javac().withProcessors(new LlmProcessor()).compile(withSupport);
  }
}
