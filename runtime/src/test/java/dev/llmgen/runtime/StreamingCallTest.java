package dev.llmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.annotations.Cached;
import dev.llmgen.runtime.ScriptedProvider.OpenStream;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.metrics.CostQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed answers through the runtime: early text, cancellation, budgets and failures. */
class StreamingCallTest {

  // gpt-4o-mini: $0.15/M input, $0.60/M output, in nanodollars per token
  private static final long INPUT_NANOS = 150;
  private static final long OUTPUT_NANOS = 600;
  private static final String POOL = "chat";

  private final RuntimeFixture fixture = new RuntimeFixture();
  private final OpenStream stream = new OpenStream();

  private LlmMethod<String> method(CallSpec.Builder<String> spec) {
    return fixture.runtime().bind(spec.build());
  }

  private static CallSpec.Builder<String> chat() {
    return CallSpec.builder("Bot.chat", "gpt-4o-mini", 500, OutputFormat.text());
  }

  @Test
  void eachPieceReachesTheSubscriberAsSoonAsTheProviderWritesIt() throws Exception {
    fixture.provider().then("gpt-4o-mini", stream);
    TokenStream answer = method(chat()).stream("Tell me a story", "ada");
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    assertEquals(List.of(), fixture.provider().requests(), "nothing is sent before a subscription");

    answer.subscribe(subscriber);
    stream.write("Once");

    assertEquals(List.of("Once"), subscriber.pieces());
    assertFalse(stream.future().isDone());
    assertFalse(answer.result().isDone());

    stream.write(" upon a time");
    stream.end(new TokenUsage(20, 0, 4, true));

    assertEquals(List.of("Once", " upon a time"), subscriber.pieces());
    assertTrue(subscriber.completed());
    LlmResult<String> result = answer.result().get();
    assertEquals("Once upon a time", result.value());
    assertEquals(20 * INPUT_NANOS + 4 * OUTPUT_NANOS, result.costNanos());
    assertEquals(1, fixture.costs().byFeature(CostQuery.all()).get("Bot.chat").calls());
  }

  @Test
  void aCancelledStreamIsPaidForTheTokensProducedNotTheWorstCase() throws Exception {
    fixture.provider().then("gpt-4o-mini", stream);
    TokenStream answer = method(chat().budget(BudgetPolicy.pool(POOL).perAppDailyNanos(1_000_000_000L).build()))
        .stream("Tell me a story", "ada");
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE)
        .onEachPiece((self, piece) -> self.cancel());
    answer.subscribe(subscriber);
    long worstCase = fixture.ledger().reservedAmounts().get(0);
    assertEquals(worstCase, fixture.reservedToday(POOL), "held while the stream runs");

    stream.write("Once upon");
    stream.write(" a time");

    assertTrue(stream.cancelled(), "the provider saw the cancellation");
    assertEquals(List.of("Once upon"), subscriber.pieces());
    assertEquals(List.of(), subscriber.terminalSignals());
    LlmResult<String> result = answer.result().get();
    int input = fixture.inputTokens("", "Tell me a story");
    int output = fixture.outputTokens("Once upon");
    assertEquals("Once upon", result.value());
    assertEquals(input, result.inputTokens());
    assertEquals(output, result.outputTokens());
    long produced = input * INPUT_NANOS + output * OUTPUT_NANOS;
    assertEquals(produced, result.costNanos());
    assertEquals(input * INPUT_NANOS + 500 * OUTPUT_NANOS, worstCase);
    assertEquals(List.of(produced), fixture.ledger().settledAmounts());
    assertEquals(produced, fixture.spentToday(POOL));
    assertEquals(0, fixture.reservedToday(POOL));
  }

  @Test
  void aCancelledStreamKeepsTheInputItsProviderReportedAndCountsTheOutputItProduced() throws Exception {
    fixture.provider().then("gpt-4o-mini", stream);
    TokenStream answer = method(chat()).stream("Tell me a story", "ada");
    answer.subscribe(new RecordingSubscriber(Long.MAX_VALUE).onEachPiece((self, piece) -> self.cancel()));
    stream.reportSoFar(new TokenUsage(1_000, 800, 1, true)); // the running output count lags the text

    stream.write("Once upon a time");

    LlmResult<String> result = answer.result().get();
    int output = fixture.outputTokens("Once upon a time");
    assertTrue(output > 1);
    assertEquals(1_000, result.inputTokens());
    assertEquals(800, result.cachedInputTokens());
    assertEquals(output, result.outputTokens());
    // gpt-4o-mini reads cached input at half its input price
    assertEquals(200 * INPUT_NANOS + 800 * INPUT_NANOS / 2 + output * OUTPUT_NANOS, result.costNanos());
  }

  @Test
  void aStreamThatFailsAfterItsFirstPieceIsNotRetried() {
    fixture.provider().then("gpt-4o-mini", stream);
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    method(chat()).stream("Tell me a story", null).subscribe(subscriber);
    LlmProviderException lost = ScriptedProvider.status(503);

    stream.write("Once");
    stream.fail(lost);

    assertEquals(List.of("Once"), subscriber.pieces());
    assertSame(lost, subscriber.failure().orElseThrow());
    assertEquals(0, fixture.scheduler().pending(), "the consumer would see the answer twice");
    assertEquals(1, fixture.provider().requests().size());
  }

  @Test
  void aStreamThatFailsBeforeItsFirstPieceIsRetried() throws Exception {
    OpenStream retried = new OpenStream();
    fixture.provider().then("gpt-4o-mini", stream).then("gpt-4o-mini", retried);
    TokenStream answer = method(chat()).stream("Tell me a story", null);
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    answer.subscribe(subscriber);

    stream.fail(ScriptedProvider.status(503));
    fixture.scheduler().advance(Duration.ofMinutes(1));
    retried.write("Once");
    retried.end(new TokenUsage(20, 0, 1, true));

    assertEquals(List.of("Once"), subscriber.pieces());
    assertTrue(subscriber.completed());
    assertEquals(2, answer.result().get().attempts().get(0).requests());
  }

  @Test
  void aProviderThatCannotStreamHandsOverTheWholeAnswerInOnePiece() throws Exception {
    fixture.provider().then("gpt-4o-mini", ScriptedProvider.answer("Hello there", new TokenUsage(10, 0, 2, true)));
    TokenStream answer = method(chat()).stream("Hi", null);
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

    answer.subscribe(subscriber);

    assertEquals(List.of("Hello there"), subscriber.pieces());
    assertTrue(subscriber.completed());
    assertEquals("Hello there", answer.result().get().value());
  }

  @Test
  void aProviderFailureReachesTheSubscriberAsItself() {
    LlmProviderException failure = ScriptedProvider.status(401);
    fixture.provider().then("gpt-4o-mini", ScriptedProvider.fail(failure));
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

    method(chat()).stream("Hi", null).subscribe(subscriber);

    assertSame(failure, subscriber.failure().orElseThrow());
    assertEquals(1, fixture.costs().total(CostQuery.all()).failures());
  }

  @Test
  void onlyFreeTextAnswersCanBeStreamed() {
    LlmMethod<Integer> count = fixture.runtime().bind(
        CallSpec.builder("Bot.count", "gpt-4o-mini", 5, OutputFormat.integer()).build());

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> count.stream("Count", null));

    assertTrue(error.getMessage().contains("Bot.count"), error.getMessage());
  }

  @Test
  void aCachedMethodCannotStream() {
    LlmMethod<String> cached = fixture.runtime().bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 5, OutputFormat.text())
        .cache(new CachePolicy(Duration.ofMinutes(1), 10, Cached.Scope.GLOBAL))
        .build());

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> cached.stream("Hi", null));

    assertTrue(error.getMessage().contains("a cache cannot replay a stream"), error.getMessage());
  }
}
