package dev.llmgen.runtime.provider.anthropic;

import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.BLOCK_STOP;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.MESSAGE_START;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.MESSAGE_STOP;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.PING;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.TEXT_BLOCK_START;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.TOOL_BLOCK_START;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.errorEvent;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.jsonDelta;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.messageDelta;
import static dev.llmgen.runtime.provider.anthropic.AnthropicFixtures.textDelta;
import static dev.llmgen.runtime.provider.anthropic.AnthropicProviderTest.MODEL;
import static dev.llmgen.runtime.provider.anthropic.AnthropicProviderTest.PROMPT;
import static dev.llmgen.runtime.provider.anthropic.AnthropicProviderTest.SYSTEM;
import static dev.llmgen.runtime.provider.anthropic.AnthropicProviderTest.provider;
import static dev.llmgen.runtime.provider.anthropic.AnthropicProviderTest.textRequest;
import static dev.llmgen.runtime.provider.http.Answers.await;
import static dev.llmgen.runtime.provider.http.Answers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.anthropic.FakeAnthropicServer.Reply;
import dev.llmgen.runtime.provider.http.FakeHttpServer.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming end to end: server-sent events from a fake Messages API server on 127.0.0.1. */
class AnthropicStreamTest {

  private FakeAnthropicServer server;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void startServer() throws IOException {
    server = FakeAnthropicServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void streamsTextPieceByPieceAndEndsWithTheUsage() throws Exception {
    server.enqueue(Reply.events(
            MESSAGE_START, TEXT_BLOCK_START, PING, textDelta("Your order ships"),
            textDelta(" within two business days."), BLOCK_STOP, messageDelta("end_turn", 15), MESSAGE_STOP)
        .withHeader("anthropic-ratelimit-requests-remaining", "49")
        .withHeader("anthropic-ratelimit-requests-reset", "2025-06-01T12:00:01Z"));

    Completion completion = await(provider(server).stream(textRequest(), listener));

    RecordedRequest sent = server.takeRequest();
    assertEquals(Optional.of(AnthropicProviderTest.SECRET), sent.header("x-api-key"));
    assertEquals(
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"system\":\"" + SYSTEM + "\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"stream\":true}",
        sent.body());
    assertEquals(List.of("Your order ships", " within two business days."), listener.pieces);
    assertEquals("Your order ships within two business days.", completion.text());
    assertEquals("claude-sonnet-4-5-20250929", completion.model());
    assertEquals("end_turn", completion.finishReason());
    assertEquals(Optional.of(new TokenUsage(25 + 1310, 1310, 0, 15, true)), completion.usage());
    assertEquals(
        new RateLimitStatus(OptionalLong.of(49), Optional.of(Duration.ofSeconds(1)), OptionalLong.empty(),
            Optional.empty()),
        completion.rateLimits());
  }

  @Test
  void streamsTheJsonOfTheAnswerTool() throws Exception {
    ObjectNode schema = (ObjectNode) Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{}}");
    server.enqueue(Reply.events(
        MESSAGE_START, TOOL_BLOCK_START, jsonDelta(""), jsonDelta("{\"name\": \"Ada"),
        jsonDelta(" Lovelace\", \"born\": 1815}"), BLOCK_STOP, messageDelta("tool_use", 48), MESSAGE_STOP));

    Completion completion = await(provider(server).stream(
        AnthropicProviderTest.request(MODEL, SYSTEM, OptionalDouble.empty(),
            new ResponseFormat.JsonSchema("person", schema)), listener));

    assertEquals("{\"name\": \"Ada Lovelace\", \"born\": 1815}", completion.text());
    assertEquals(completion.text(), String.join("", listener.pieces));
    assertEquals("tool_use", completion.finishReason());
    assertEquals(Optional.of(new TokenUsage(1335, 1310, 0, 48, true)), completion.usage());
    assertEquals("answer", server.takeRequest().json().get("tool_choice").get("name").asText());
  }

  @Test
  void handsOverTheFirstPieceBeforeTheServerSendsTheRest() throws Exception {
    CountDownLatch firstPieceHandedOver = new CountDownLatch(1);
    listener.firstPiece.thenRun(firstPieceHandedOver::countDown);
    server.enqueue(Reply.events(MESSAGE_START, TEXT_BLOCK_START, textDelta("Your order ships"))
        .thenAwait(firstPieceHandedOver)
        .then(textDelta(" today."), BLOCK_STOP, messageDelta("end_turn", 4), MESSAGE_STOP));

    Completion completion = await(provider(server).stream(textRequest(), listener));

    assertEquals(List.of("Your order ships", " today."), listener.pieces);
    assertEquals("Your order ships today.", completion.text());
  }

  @Test
  void cancellingClosesTheConnectionAndKeepsTheTextSoFar() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    server.enqueue(firstPieceThenStalled(cancelled));

    CompletableFuture<Completion> answer = provider(server).stream(textRequest(), listener);
    listener.firstPiece.get(10, TimeUnit.SECONDS);
    listener.cancellation.complete(null);
    Completion completion = await(answer);
    cancelled.countDown();

    assertEquals("Your order ships", completion.text());
    assertEquals(Completion.FINISH_CANCELLED, completion.finishReason());
    assertTrue(completion.cancelled());
    // What message_start reported is kept: the input with its cache reads, which llmgen could not count.
    assertEquals(Optional.of(new TokenUsage(1335, 1310, 0, 1, true)), completion.usage());
    assertEquals("claude-sonnet-4-5-20250929", completion.model());
    assertInstanceOf(IOException.class, server.writeFailure().get(10, TimeUnit.SECONDS),
        "the server can write no more once the stream is cancelled");
    assertEquals(List.of("Your order ships"), listener.pieces);
  }

  @Test
  void failsRetryablyWhenAnthropicIsOverloadedMidStream() throws Exception {
    server.enqueue(Reply.events(
        MESSAGE_START, TEXT_BLOCK_START, textDelta("Your order"), errorEvent("overloaded_error", "Overloaded")));

    LlmProviderException failure = failure(provider(server).stream(textRequest(), listener));

    assertEquals("anthropic broke off the stream with overloaded_error for model claude-sonnet-4-5: Overloaded",
        failure.getMessage());
    assertEquals(529, failure.statusCode());
    assertEquals(Optional.of("overloaded_error"), failure.errorCode());
    assertTrue(failure.isRetryable());
    assertEquals(List.of("Your order"), listener.pieces);
  }

  @Test
  void failsWhenTheModelRefusesMidStream() throws Exception {
    server.enqueue(Reply.events(
        MESSAGE_START, TEXT_BLOCK_START, textDelta("I can't help"), messageDelta("refusal", 5), MESSAGE_STOP));

    LlmProviderException failure = failure(provider(server).stream(textRequest(), listener));

    assertEquals("model claude-sonnet-4-5 on anthropic refused to answer: \"I can't help\"", failure.getMessage());
    assertEquals(Optional.of("refusal"), failure.errorCode());
    assertFalse(failure.isRetryable());
  }

  @Test
  void mapsAnErrorStatusInsteadOfAStream() throws Exception {
    server.enqueue(Reply.json(529, AnthropicFixtures.error("overloaded_error", "Overloaded"))
        .withHeader("retry-after", "3"));

    LlmProviderException failure = failure(provider(server).stream(textRequest(), listener));

    assertEquals("anthropic returned 529 (overloaded_error) for model claude-sonnet-4-5: Overloaded",
        failure.getMessage());
    assertEquals(Optional.of(Duration.ofSeconds(3)), failure.retryAfter());
    assertTrue(failure.isRetryable());
  }

  @Test
  void failsWhenTheStreamEndsBeforeMessageStop() throws Exception {
    server.enqueue(Reply.events(MESSAGE_START, TEXT_BLOCK_START, textDelta("Your order")));

    LlmProviderException failure = failure(provider(server).stream(textRequest(), listener));

    assertEquals("anthropic ended the stream for model claude-sonnet-4-5 before the answer was complete (no"
        + " message_stop) after 10 characters", failure.getMessage());
    assertEquals(200, failure.statusCode());
  }

  @Test
  void failsOnAnEventThatIsNotJson() throws Exception {
    server.enqueue(Reply.events(MESSAGE_START, Reply.event("content_block_start", "{not json")));

    LlmProviderException failure = failure(provider(server).stream(textRequest(), listener));

    assertTrue(failure.getMessage().startsWith("anthropic returned a malformed answer for model claude-sonnet-4-5:"
        + " the 200 body is not a Messages API response (Unexpected character"), failure.getMessage());
    assertTrue(failure.getMessage().endsWith("): {not json"), failure.getMessage());
  }

  @Test
  void timesOutWhenTheStreamStalls() throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    server.enqueue(firstPieceThenStalled(stalled));
    Duration timeout = Duration.ofMillis(200);
    ChatRequest request = new ChatRequest(
        MODEL, SYSTEM, PROMPT, 256, OptionalDouble.empty(), new ResponseFormat.Text(), false, Optional.of(timeout));

    LlmProviderException failure = failure(provider(server).stream(request, listener));
    stalled.countDown();

    assertEquals(timeout, assertInstanceOf(LlmTimeoutException.class, failure).timeout());
    assertInstanceOf(IOException.class, server.writeFailure().get(10, TimeUnit.SECONDS),
        "the stalled stream is aborted, not left open");
  }

  /**
   * The start of an answer, then nothing until {@code released} opens, then pings until the client has
   * closed the connection, which {@link FakeAnthropicServer#writeFailure()} then reports.
   */
  private static Reply firstPieceThenStalled(CountDownLatch released) {
    return Reply.events(MESSAGE_START, TEXT_BLOCK_START, textDelta("Your order ships"))
        .thenAwait(released)
        .thenPingUntilClientIsGone();
  }

  /** Records the pieces; the test completes {@link #cancellation} to cancel. */
  private static final class RecordingListener implements StreamListener {

    final List<String> pieces = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> firstPiece = new CompletableFuture<>();
    final CompletableFuture<Void> cancellation = new CompletableFuture<>();

    @Override
    public void onText(String text) {
      pieces.add(text);
      firstPiece.complete(text);
    }

    @Override
    public CompletionStage<Void> cancellation() {
      return cancellation;
    }
  }
}
