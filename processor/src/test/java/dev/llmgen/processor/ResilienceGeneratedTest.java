package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.llmgen.processor.GeneratedSources.golden;
import static dev.llmgen.processor.GeneratedSources.sourceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.TokenStream;
import dev.llmgen.runtime.cascade.CascadePolicy;
import dev.llmgen.runtime.cascade.DecodesScorer;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.resilience.RetryOverrides;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cascades, retries, timeouts, fallbacks and streams, compiled into a generated service: the files
 * written, the call specifications the compiled implementation carries, and calls through Guice and
 * the real runtime against a scripted provider.
 */
class ResilienceGeneratedTest {

  static final JavaFileObject ORDERS = JavaFileObjects.forSourceString("test.Orders", """
      package test;

      import dev.llmgen.annotations.Cascade;
      import dev.llmgen.annotations.Fallback;
      import dev.llmgen.annotations.LlmCall;
      import dev.llmgen.annotations.Retry;
      import dev.llmgen.annotations.Timeout;
      import dev.llmgen.annotations.UserId;
      import dev.llmgen.runtime.LlmResult;
      import dev.llmgen.runtime.TokenStream;
      import java.util.concurrent.Flow;

      public interface Orders {
        enum Priority { LOW, HIGH }

        @LlmCall(maxTokens = 300, prompt = "Extract the order from: {email}")
        @Cascade(models = {"gpt-4o-mini", "gpt-4o"}, threshold = 0.9, scorer = CertaintyScorer.class)
        LlmResult<String> extract(String email);

        @LlmCall(maxTokens = 5, prompt = "Classify {email}")
        @Cascade(models = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5"}, failBelowThreshold = true)
        Priority classify(String email);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 5, prompt = "Is {email} urgent?")
        @Cascade(models = {"gpt-4o-mini", "gpt-4o"}, scorer = CertaintyScorer.class)
        boolean urgent(String email);

        @LlmCall(model = "claude-sonnet-4-5", maxTokens = 400, prompt = "Draft a reply to {email}")
        @Retry(maxAttempts = 5, backoff = "200ms")
        @Timeout("20s")
        @Fallback({"gpt-4o", "gpt-4o-mini"})
        String draft(String email, @UserId String customer);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 400, prompt = "Reply to {email}")
        @Retry(maxBackoff = "1m")
        @Timeout("2m")
        Flow.Publisher<String> reply(String email, @UserId String customer);

        @LlmCall(model = "gpt-4o-mini", maxTokens = 400, prompt = "Summarize {email}")
        @Retry(maxAttempts = 1)
        @Fallback("gpt-4o")
        TokenStream summarize(String email);
      }
      """);

  /** Doubts an answer that says "maybe". */
  static final JavaFileObject CERTAINTY_SCORER = JavaFileObjects.forSourceString("test.CertaintyScorer", """
      package test;

      import dev.llmgen.runtime.cascade.AnswerScorer;
      import dev.llmgen.runtime.cascade.Candidate;
      import dev.llmgen.runtime.cascade.Score;
      import jakarta.inject.Inject;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionStage;

      public final class CertaintyScorer implements AnswerScorer {
        @Inject
        CertaintyScorer() {}

        @Override
        public CompletionStage<Score> score(Candidate<?> candidate) {
          boolean doubtful = !candidate.decoded() || candidate.text().contains("maybe");
          return CompletableFuture.completedFuture(doubtful ? Score.of(0.3, "doubtful") : Score.of(1, "certain"));
        }
      }
      """);

  private static Compilation compilation;
  private static CompiledClasses classes;
  private static Class<?> implementation;

  private ScriptedProvider provider;
  private Object orders;

  @BeforeAll
  static void compile() {
    compilation = javac().withProcessors(new LlmProcessor()).compile(ORDERS, CERTAINTY_SCORER);
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation);
    implementation = classes.load("test.OrdersImpl");
  }

  @BeforeEach
  void createService() throws ReflectiveOperationException {
    provider = new ScriptedProvider();
    Module generated = (Module) classes.load("test.OrdersModule").getConstructor().newInstance();
    orders = Guice.createInjector(provider.runtimeModule(), generated).getInstance(classes.load("test.Orders"));
  }

  @Test
  void theGeneratedImplementationReadsLikeHandWrittenCode() throws IOException {
    assertEquals(golden("OrdersImpl.java"), sourceOf(compilation, "test/OrdersImpl.java"));
  }

  @Test
  void theSameSourceGivesByteIdenticalFiles() throws IOException {
    Compilation again = javac().withProcessors(new LlmProcessor()).compile(ORDERS, CERTAINTY_SCORER);

    for (String file : List.of("test/OrdersImpl.java", "test/OrdersModule.java")) {
      assertEquals(sourceOf(compilation, file), sourceOf(again, file), file);
    }
  }

  @Test
  void aCascadeIsAskedOnItsFirstModelAndCarriesItsPolicy() throws ReflectiveOperationException {
    CallSpec<?> extract = spec("EXTRACT");
    CallSpec<?> classify = spec("CLASSIFY");

    assertEquals("gpt-4o-mini", extract.model());
    assertEquals(Optional.of(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o"), 0.9, false)), extract.cascade());
    assertEquals(Optional.of(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5"), 0.8, true)),
        classify.cascade());
    assertEquals("gpt-4o-mini", spec("URGENT").model());
    assertEquals(Optional.empty(), spec("DRAFT").cascade());
  }

  @Test
  void eachScorerClassIsInjectedOnceIntoTheConstructor() throws ClassNotFoundException {
    Class<?> certaintyScorer = implementation.getClassLoader().loadClass("test.CertaintyScorer");

    assertEquals(List.of(LlmRuntime.class, certaintyScorer, DecodesScorer.class),
        List.of(implementation.getConstructors()[0].getParameterTypes()));
  }

  @Test
  void aRetryOverridesOnlyWhatItWrites() throws ReflectiveOperationException {
    assertEquals(new RetryOverrides(OptionalInt.of(5), Optional.of(Duration.ofMillis(200)), Optional.empty()),
        spec("DRAFT").retry());
    assertEquals(new RetryOverrides(OptionalInt.empty(), Optional.empty(), Optional.of(Duration.ofMinutes(1))),
        spec("REPLY").retry());
    assertEquals(RetryOverrides.NONE, spec("EXTRACT").retry());
  }

  @Test
  void timeoutsAndFallbacksAreCarriedInOrder() throws ReflectiveOperationException {
    CallSpec<?> draft = spec("DRAFT");

    assertEquals("claude-sonnet-4-5", draft.model());
    assertEquals(Optional.of(Duration.ofSeconds(20)), draft.timeout());
    assertEquals(List.of("gpt-4o", "gpt-4o-mini"), draft.fallbackModels());
    assertEquals(Optional.of(Duration.ofMinutes(2)), spec("REPLY").timeout());
    assertEquals(List.of("gpt-4o"), spec("SUMMARIZE").fallbackModels());
    assertEquals(Optional.empty(), spec("SUMMARIZE").timeout());
    assertTrue(spec("EXTRACT").fallbackModels().isEmpty());
  }

  @Test
  void streamsAskForFreeText() throws ReflectiveOperationException {
    for (String stream : List.of("REPLY", "SUMMARIZE")) {
      assertInstanceOf(ResponseFormat.Text.class, spec(stream).outputFormat().responseFormat(), stream);
    }
  }

  @Test
  void aCascadeMovesOnWhenItsScorerDoubtsAnAnswer() throws Exception {
    provider.answer("maybe 3 lamps").answer("3 lamps");

    LlmResult<?> result = (LlmResult<?>) call("extract", "Send the lamps");

    assertEquals("3 lamps", result.value());
    assertEquals(List.of("gpt-4o-mini", "gpt-4o"), requestedModels());
    assertEquals(List.of(Attempt.Outcome.REJECTED, Attempt.Outcome.ANSWERED),
        result.attempts().stream().map(Attempt::outcome).toList());
    assertEquals(OptionalDouble.of(0.3), result.attempts().get(0).score());
  }

  @Test
  void theDefaultScorerMovesOnWhenAnAnswerDoesNotDecode() throws Exception {
    provider.answer("I cannot tell").answer("High.");

    assertEquals("HIGH", call("classify", "The warehouse is on fire").toString());
    assertEquals(List.of("gpt-4o-mini", "gpt-4o"), requestedModels());
  }

  @Test
  void aRetryOverrideGivesTheMethodMoreAttemptsThanTheDefault() throws Exception {
    for (int i = 0; i < 4; i++) {
      provider.fail(new LlmProviderException(
          "anthropic returned 529", "anthropic", "claude-sonnet-4-5", 529, "overloaded_error", "{}", null, null));
    }
    provider.answer("Dear Ada, your lamps ship today.");

    assertEquals("Dear Ada, your lamps ship today.", call("draft", "Where are my lamps?", "ada"));
    assertEquals(Collections.nCopies(5, "claude-sonnet-4-5"), requestedModels());
  }

  @Test
  void aStreamSendsNothingUntilSubscribedAndThenDeliversTheAnswer() throws Exception {
    provider.answer("Your order ships today.");

    Flow.Publisher<?> stream = (Flow.Publisher<?>) call("reply", "Where is my order?", "ada");
    assertTrue(provider.requests().isEmpty());
    Collector pieces = new Collector();
    stream.subscribe(pieces);

    assertEquals("Your order ships today.", String.join("", pieces.done.get(5, TimeUnit.SECONDS)));
    assertEquals("Your order ships today.", ((TokenStream) stream).result().get(5, TimeUnit.SECONDS).value());
    assertEquals("Reply to Where is my order?", provider.lastRequest().prompt());
    assertEquals("gpt-4o-mini", provider.lastRequest().model());
  }

  @Test
  void aStreamWhoseModelFailsBeforeTheFirstPieceMovesToItsFallback() throws Exception {
    provider.fail(new LlmProviderException(
            "openai returned 503", "openai", "gpt-4o-mini", 503, "overloaded", "{}", null, null))
        .answer("A short summary.");

    TokenStream stream = (TokenStream) call("summarize", "A long email");

    assertEquals("A short summary.", stream.result().get(5, TimeUnit.SECONDS).value());
    assertEquals(List.of("gpt-4o-mini", "gpt-4o"), requestedModels());
  }

  /** Takes every piece of a stream as it comes. */
  private static final class Collector implements Flow.Subscriber<Object> {
    private final List<String> pieces = new CopyOnWriteArrayList<>();
    final CompletableFuture<List<String>> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object piece) {
      pieces.add((String) piece);
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(pieces);
    }
  }

  private Object call(String name, Object... arguments) throws Exception {
    return CompiledClasses.invoke(orders, name, arguments);
  }

  private List<String> requestedModels() {
    return provider.requests().stream().map(ChatRequest::model).toList();
  }

  /** The compiled implementation's {@code static final CallSpec} named {@code field}. */
  private static CallSpec<?> spec(String field) throws ReflectiveOperationException {
    Field constant = implementation.getDeclaredField(field);
    constant.setAccessible(true);
    return (CallSpec<?>) constant.get(null);
  }
}
