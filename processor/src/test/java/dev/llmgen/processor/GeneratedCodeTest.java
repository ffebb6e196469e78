package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.llmgen.processor.GeneratedSources.golden;
import static dev.llmgen.processor.GeneratedSources.sourceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.format.ResponseFormat.ScalarKind;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles a service with every return kind, then runs the generated code through Guice and the real
 * runtime against a scripted provider: what is sent, and what comes back.
 */
class GeneratedCodeTest {

  private static final JavaFileObject SUPPORT_BOT = JavaFileObjects.forSourceString("test.SupportBot", """
      package test;

      import dev.llmgen.annotations.LlmCall;
      import dev.llmgen.annotations.UserId;
      import dev.llmgen.runtime.LlmResult;
      import java.util.List;
      import java.util.Optional;
      import java.util.concurrent.CompletableFuture;

      public interface SupportBot extends Greeter {
        enum Priority { LOW, MEDIUM, HIGH }

        record Fields(String product, List<String> tags, Priority priority, int quantity, Optional<String> note) {}

        @LlmCall(model = "gpt-4o-mini", maxTokens = 200, prompt = "Answer briefly: {question}",
            system = "You are terse. Never print {{json}}.", temperature = 0.2)
        String answer(String question, @UserId String user);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Subject: {subject}\\nBody: {body}")
        Priority classify(String subject, String body);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Is {fields} urgent at level {priority}?")
        boolean urgent(Fields fields, Priority priority);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "{count} plus {more}")
        int add(int count, long more);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "How many orders for {product}?")
        long orders(String product);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Refund share for {product}?")
        double refundShare(String product);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Age of {name}?")
        Integer age(String name);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 300, prompt = "Extract from: {text}")
        Fields extract(String text);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 200, prompt = "{prompt}")
        LlmResult<String> complete(String prompt);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Classify {subject}")
        CompletableFuture<Priority> classifyAsync(String subject, @UserId String user);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 300, prompt = "Extract from: {text}")
        CompletableFuture<LlmResult<Fields>> extractAsync(String text);

        default String answerPolitely(String question) {
          return "Please: " + answer(question, "guest");
        }
      }
      """);

  private static final JavaFileObject GREETER = JavaFileObjects.forSourceString("test.Greeter", """
      package test;

      import dev.llmgen.annotations.LlmCall;

      public interface Greeter {
        @LlmCall(model = "gpt-4o-mini", maxTokens = 20, prompt = "Greet {name}")
        String greet(String name);
      }
      """);

  private static Compilation compilation;
  private static CompiledClasses classes;

  private ScriptedProvider provider;
  private Injector injector;
  private Object bot;

  @BeforeAll
  static void compile() {
    compilation = javac().withProcessors(new LlmProcessor()).compile(SUPPORT_BOT, GREETER);
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation);
  }

  @BeforeEach
  void createService() throws ReflectiveOperationException {
    provider = new ScriptedProvider();
    Module generated = (Module) classes.load("test.SupportBotModule").getConstructor().newInstance();
    injector = Guice.createInjector(provider.runtimeModule(), generated);
    bot = injector.getInstance(classes.load("test.SupportBot"));
  }

  @Test
  void theImplementationIsASingletonBoundByTheGeneratedModule() {
    assertSame(bot, injector.getInstance(classes.load("test.SupportBot")));
    assertEquals("test.SupportBotImpl", bot.getClass().getName());
  }

  @Test
  void textIsSentWithTheRenderedPromptAndReturnedWithoutSurroundingSpace() throws Exception {
    provider.answer("  Paris.\n");

    assertEquals("Paris.", call("answer", "Capital of France?", "user-1"));

    ChatRequest request = provider.lastRequest();
    assertEquals("gpt-4o-mini", request.model());
    assertEquals("Answer briefly: Capital of France?", request.prompt());
    assertEquals("You are terse. Never print {json}.", request.system());
    assertEquals(200, request.maxTokens());
    assertEquals(0.2, request.temperature().getAsDouble());
    assertInstanceOf(ResponseFormat.Text.class, request.responseFormat());
  }

  @Test
  void anEnumIsAskedForByItsConstantsAndMatchedLeniently() throws Exception {
    provider.answer("high.");

    assertEquals("HIGH", call("classify", "Refund", "Where is my money?").toString());

    ChatRequest request = provider.lastRequest();
    assertEquals("Subject: Refund\nBody: Where is my money?", request.prompt());
    assertEquals(new ResponseFormat.Choice(List.of("LOW", "MEDIUM", "HIGH")), request.responseFormat());
    assertTrue(request.system().contains("LOW, MEDIUM, HIGH"), request.system());
    assertTrue(request.temperature().isEmpty());
  }

  @Test
  void objectsRenderAsJsonAndEnumsAsTheirName() throws Exception {
    provider.answer("{\"product\":\"lamp\",\"tags\":[],\"priority\":\"LOW\",\"quantity\":1,\"note\":null}");
    Object fields = call("extract", "ignored");
    provider.answer("Yes");
    Object priority = enumConstant("test.SupportBot$Priority", "MEDIUM");

    assertEquals(true, call("urgent", fields, priority));

    assertEquals(
        "Is {\"product\":\"lamp\",\"tags\":[],\"priority\":\"LOW\",\"quantity\":1,\"note\":null} urgent at level MEDIUM?",
        provider.lastRequest().prompt());
  }

  @Test
  void scalarsAreDecodedIntoTheirPrimitiveOrBoxedType() throws Exception {
    provider.answer("42").answer("1,234,567").answer("0.25").answer("The age is 37.");

    assertEquals(42, call("add", 40, 2L));
    assertEquals("40 plus 2", provider.lastRequest().prompt());
    assertEquals(1_234_567L, call("orders", "lamp"));
    assertEquals(0.25, call("refundShare", "lamp"));
    assertEquals(37, call("age", "Ada"));
    List<ChatRequest> requests = provider.requests();
    assertEquals(new ResponseFormat.Scalar(ScalarKind.INTEGER), requests.get(0).responseFormat());
    assertEquals(new ResponseFormat.Scalar(ScalarKind.DECIMAL), requests.get(2).responseFormat());
  }

  @Test
  void aRecordIsAskedForWithItsCompileTimeSchemaAndParsedWithJackson() throws Exception {
    provider.answer("```json\n{\"product\":\"lamp\",\"tags\":[\"broken\"],\"priority\":\"HIGH\",\"quantity\":2,\"note\":\"asap\"}\n```");

    Object fields = call("extract", "My two lamps arrived broken, asap!");

    assertEquals("lamp", component(fields, "product"));
    assertEquals(List.of("broken"), component(fields, "tags"));
    assertEquals("HIGH", component(fields, "priority").toString());
    assertEquals(2, component(fields, "quantity"));
    assertEquals(Optional.of("asap"), component(fields, "note"));
    ResponseFormat.JsonSchema format = (ResponseFormat.JsonSchema) provider.lastRequest().responseFormat();
    assertEquals("Fields", format.name());
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"product\":{\"type\":\"string\"},\"tags\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"string\"}},\"priority\":{\"type\":\"string\",\"enum\":[\"LOW\",\"MEDIUM\",\"HIGH\"]},"
            + "\"quantity\":{\"type\":\"integer\"},\"note\":{\"type\":[\"string\",\"null\"]}},"
            + "\"required\":[\"product\",\"tags\",\"priority\",\"quantity\",\"note\"],\"additionalProperties\":false}",
        format.schema().toString());
  }

  @Test
  void llmResultCarriesTokensExactCostAndModel() throws Exception {
    provider.answer("Done", new TokenUsage(100, 20, 50, true));

    LlmResult<?> result = (LlmResult<?>) call("complete", "Summarize");

    assertEquals("Done", result.value());
    assertEquals("gpt-4o-mini", result.model());
    assertEquals("scripted", result.provider());
    assertEquals(100, result.inputTokens());
    assertEquals(20, result.cachedInputTokens());
    assertEquals(50, result.outputTokens());
    // gpt-4o-mini: 80 uncached input at $0.15/M, 20 cached at $0.075/M, 50 output at $0.60/M
    assertEquals(80 * 150 + 20 * 75 + 50 * 600, result.costNanos());
    assertEquals("0.000043500", result.costUsd().toPlainString());
    assertFalse(result.fromCache());
    assertEquals("Summarize", provider.lastRequest().prompt());
    assertTrue(result.timings().ran(TimedStage.RENDERING), "generated code times its rendering");
    assertTrue(result.timings().ran(TimedStage.PROVIDER));
  }

  @Test
  void futuresDoNotBlockAndCompleteWhenTheProviderAnswers() throws Exception {
    CompletableFuture<Completion> pending = new CompletableFuture<>();
    provider.answer(pending);

    CompletableFuture<?> future = (CompletableFuture<?>) call("classifyAsync", "Refund", "user-7");

    assertFalse(future.isDone());
    pending.complete(new Completion("LOW", "gpt-4o-mini", "stop", Optional.of(new TokenUsage(12, 0, 1, true))));
    assertEquals("LOW", future.get().toString());
    assertEquals(1, injector.getInstance(CostLedger.class).byUser(CostQuery.all()).get("user-7").calls());
  }

  @Test
  void aFutureOfLlmResultCarriesTheDecodedRecord() throws Exception {
    provider.answer("{\"product\":\"desk\",\"tags\":[],\"priority\":\"MEDIUM\",\"quantity\":1,\"note\":null}");

    LlmResult<?> result = (LlmResult<?>) ((CompletableFuture<?>) call("extractAsync", "desk")).get();

    assertEquals("desk", component(result.value(), "product"));
    assertEquals(Optional.empty(), component(result.value(), "note"));
  }

  @Test
  void inheritedMethodsAreImplementedAndDefaultMethodsLeftAlone() throws Exception {
    provider.answer("Hello, Ada!").answer("Yes.");

    assertEquals("Hello, Ada!", call("greet", "Ada"));
    assertEquals("Greet Ada", provider.lastRequest().prompt());
    assertEquals("Please: Yes.", call("answerPolitely", "Can I?"));
  }

  @Test
  void anAnswerThatDoesNotFitIsReportedWithTheRawTextAndItsCost() {
    provider.answer("I cannot say", new TokenUsage(40, 0, 3, true));

    LlmOutputException error = assertThrows(LlmOutputException.class, () -> call("urgent", null, null));

    assertEquals("I cannot say", error.rawOutput());
    assertEquals("true or false", error.expected());
    assertEquals(40 * 150 + 3 * 600, error.costNanos());
    assertTrue(error.getMessage().contains("SupportBot.urgent"), error.getMessage());
    assertEquals("Is null urgent at level null?", provider.lastRequest().prompt());
  }

  @Test
  void providerFailuresReachTheCallerAsTheyWereRaised() {
    // A request the provider refuses is not retried, so the caller sees the one failure.
    LlmProviderException failure = new LlmProviderException(
        "openai returned 400", "openai", "gpt-4o-mini", 400, "invalid_request_error", "{}", null, null);
    provider.fail(failure);

    assertSame(failure, assertThrows(LlmProviderException.class, () -> call("greet", "Ada")));
    assertEquals(1, injector.getInstance(CostLedger.class).total(CostQuery.all()).failures());
  }

  @Test
  void theGeneratedFilesReadLikeHandWrittenCode() throws IOException {
    assertEquals(golden("GreeterImpl.java"), sourceOf(compilation, "test/GreeterImpl.java"));
    assertEquals(golden("GreeterModule.java"), sourceOf(compilation, "test/GreeterModule.java"));
  }

  @Test
  void theSameSourceGivesByteIdenticalFiles() throws IOException {
    Compilation again = javac().withProcessors(new LlmProcessor()).compile(SUPPORT_BOT, GREETER);

    for (String file : List.of("test/SupportBotImpl.java", "test/SupportBotModule.java", "test/GreeterImpl.java")) {
      assertEquals(sourceOf(compilation, file), sourceOf(again, file), file);
    }
  }

  private Object call(String name, Object... arguments) throws Exception {
    return CompiledClasses.invoke(bot, name, arguments);
  }

  private static Object component(Object record, String name) throws ReflectiveOperationException {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component.getAccessor().invoke(record);
      }
    }
    throw new AssertionError(record.getClass() + " has no component " + name);
  }

  private static Object enumConstant(String type, String name) {
    for (Object constant : classes.load(type).getEnumConstants()) {
      if (constant.toString().equals(name)) {
        return constant;
      }
    }
    throw new AssertionError(type + " has no constant " + name);
  }
}
