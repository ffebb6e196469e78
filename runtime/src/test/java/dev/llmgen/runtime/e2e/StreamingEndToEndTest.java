package dev.llmgen.runtime.e2e;

import static dev.llmgen.runtime.e2e.EndToEnd.QUESTION;
import static dev.llmgen.runtime.e2e.EndToEnd.answering;
import static dev.llmgen.runtime.e2e.EndToEnd.await;
import static dev.llmgen.runtime.e2e.EndToEnd.prices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.RecordingSubscriber;
import dev.llmgen.runtime.TokenStream;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.budget.BudgetUse;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.e2e.AnthropicReplies.Usage;
import dev.llmgen.runtime.e2e.ScriptedServer.Reply;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.http.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed answers over HTTP, in each provider's wire format, through the whole runtime. */
class StreamingEndToEndTest {

  private final EndToEnd e2e = new EndToEnd();
  private final TokenCounter tokenCounter = new TokenCounter();

  @AfterEach
  void stopServers() {
    e2e.close();
  }

  @Test
  void anOpenAiStreamReachesTheSubscriberPieceByPieceAndIsPricedFromItsUsageChunk() throws Exception {
    e2e.openAi().enqueue(OpenAiReplies.recordedStream());
    TokenStream stream = e2e.runtime().bind(answering("gpt-4o-mini").build()).stream(QUESTION, "ada");
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

    stream.subscribe(subscriber);
    LlmResult<String> result = await(stream.result());

    assertEquals(
        List.of("Your", " order", " ships", " within", " two", " business", " days", "."), subscriber.pieces());
    assertTrue(subscriber.completed());
    assertEquals("Your order ships within two business days.", result.value());
    assertEquals("openai", result.provider());
    assertEquals(1219, result.inputTokens());
    assertEquals(1024, result.cachedInputTokens());
    assertEquals(8, result.outputTokens());
    assertEquals(prices("gpt-4o-mini").costNanos(1219 - 1024, 1024, 0, 8), result.costNanos());
    JsonNode request = e2e.openAi().takeRequest().json();
    assertTrue(request.path("stream").booleanValue(), request.toString());
    assertTrue(request.path("stream_options").path("include_usage").booleanValue(), request.toString());
  }

  @Test
  void anAnthropicStreamForAClaudeModelIsPricedWithItsCacheReadsAndWrites() throws Exception {
    String policy = longSystemPrompt();
    assertTrue(tokenCounter.count(tokenCounter.encoding("cl100k_base"), policy) > 1024, "long enough to cache");
    Usage usage = new Usage(20, 2_000, 10_000, 100);
    e2e.anthropic().enqueue(AnthropicReplies.stream(
        "claude-sonnet-4-5-20250929", usage, List.of("Order 1042", " ships", " tomorrow.")));
    LlmRuntime runtime = e2e.runtime(); // LLMGEN_PROVIDER left out: auto, claude-* to Anthropic
    TokenStream stream = runtime.bind(answering("claude-sonnet-4-5").system(policy).build()).stream(QUESTION, "ada");
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

    stream.subscribe(subscriber);
    LlmResult<String> result = await(stream.result());

    assertEquals(List.of("Order 1042", " ships", " tomorrow."), subscriber.pieces());
    assertTrue(subscriber.completed());
    assertEquals("Order 1042 ships tomorrow.", result.value());
    assertEquals("anthropic", result.provider());
    assertEquals(20 + 2_000 + 10_000, result.inputTokens());
    assertEquals(10_000, result.cachedInputTokens());
    assertEquals(100, result.outputTokens());
    // The catalog's prices for claude-sonnet-4-5: input, cache read, cache write and output apart.
    assertEquals(prices("claude-sonnet-4-5").costNanos(20, 10_000, 2_000, 100), result.costNanos());
    RecordedRequest request = e2e.anthropic().takeRequest();
    assertEquals(ScriptedServer.WireFormat.ANTHROPIC.endpoint(), request.path());
    assertEquals(EndToEnd.ANTHROPIC_API_KEY, request.header("x-api-key").orElseThrow());
    assertEquals("2023-06-01", request.header("anthropic-version").orElseThrow());
    JsonNode body = request.json();
    assertTrue(body.path("stream").booleanValue(), "stream asked for");
    assertEquals(policy, body.path("system").path(0).path("text").textValue());
    assertEquals("ephemeral", body.path("system").path(0).path("cache_control").path("type").textValue());
    assertEquals(0, e2e.openAi().received(), "a Claude model never goes to the OpenAI-compatible server");
  }

  @Test
  void aStreamCancelledAfterItsFirstPieceHangsUpAndSpendsOnlyWhatWasProduced(@TempDir Path ledger) throws Exception {
    e2e.openAi().enqueue(Reply.events(List.of(OpenAiReplies.chunk("gpt-4o-mini-2024-07-18", "Your")))
        .thenRepeatUntilTheClientHangsUp(": keep-alive\n\n"));
    Injector application =
        e2e.injector(Map.of(LlmSettings.BUDGET_LEDGER, ledger.resolve("spending.journal").toString()));
    BudgetStages budgets = application.getInstance(BudgetStages.class);
    BudgetPolicy desk = BudgetPolicy.pool("desk").perUserDailyNanos(1_000_000_000L).build();
    TokenStream stream = application.getInstance(LlmRuntime.class)
        .bind(answering("gpt-4o-mini").budget(desk).build())
        .stream(QUESTION, "ada");
    AtomicLong reservedWhileStreaming = new AtomicLong();
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE).onEachPiece((self, piece) -> {
      reservedWhileStreaming.set(budgets.usage().get(0).reservedNanos());
      self.cancel();
    });

    stream.subscribe(subscriber);
    LlmResult<String> result = await(stream.result());

    assertNotNull(await(e2e.openAi().hangUp()), "the server's write failed: the client closed the connection");
    assertEquals(List.of("Your"), subscriber.pieces());
    assertEquals(List.of(), subscriber.terminalSignals(), "a cancelled subscriber hears nothing more");
    Encoding o200k = tokenCounter.encoding("o200k_base");
    int input = tokenCounter.countChatInput(o200k, "", QUESTION);
    int output = tokenCounter.count(o200k, "Your");
    long produced = prices("gpt-4o-mini").costNanos(input, 0, 0, output);
    assertEquals("Your", result.value());
    assertEquals(input, result.inputTokens());
    assertEquals(output, result.outputTokens());
    assertEquals(produced, result.costNanos());
    assertEquals(prices("gpt-4o-mini").costNanos(input, 0, 0, 400), reservedWhileStreaming.get(), "the worst case");
    List<BudgetUse> windows = budgets.usage();
    assertEquals(4, windows.size(), "ada's day and month, the application's day and month: " + windows);
    for (BudgetUse window : windows) {
      assertEquals(produced, window.spentNanos(), window.toString());
      assertEquals(0, window.reservedNanos(), window.toString());
    }
  }

  /** A system prompt of well over 1024 tokens, which Anthropic caches for Sonnet. */
  private static String longSystemPrompt() {
    return IntStream.rangeClosed(1, 120)
        .mapToObj(rule -> "Rule " + rule + ": answer the customer politely, quote the order number, and never"
            + " promise a refund before the warehouse has confirmed the return.")
        .collect(Collectors.joining("\n"));
  }
}
