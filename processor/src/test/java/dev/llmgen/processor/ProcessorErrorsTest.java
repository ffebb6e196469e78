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
      "import dev.llmgen.annotations.LlmCall;",
      "import dev.llmgen.annotations.RateLimited;",
      "import dev.llmgen.annotations.UserId;",
      "import dev.llmgen.runtime.LlmResult;",
      "import java.util.List;",
      "import java.util.Map;",
      "import java.util.concurrent.CompletableFuture;",
      "");

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

  private static Arguments error(String description, String body, String message, String line) {
    return Arguments.of(description, body, message, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsTheErrorOnTheLineThatMadeIt(String description, String body, String message, String line) {
    JavaFileObject source = source("test.Bot", body);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
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

  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(name, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new LlmProcessor()).compile(sources);
  }
}
