package dev.llmgen.runtime.provider.openai;

import static dev.llmgen.runtime.provider.http.Answers.await;
import static dev.llmgen.runtime.provider.http.Answers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.openai.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Streamed answers, end to end: real HTTP to a fake server that writes its events one at a time. */
class OpenAiStreamTest {

  private static final String SECRET = "sk-llmgen-test-7f3a9c2e51d84b06";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String MODEL = "gpt-4o-mini";
  private static final List<String> PIECES =
      List.of("Your", " order", " ships", " within", " two", " business", " days", ".");

  private FakeOpenAiServer server;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void startServer() throws IOException {
    server = FakeOpenAiServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void asksForAStreamWithUsageAndLogprobs() throws Exception {
    server.enqueue(Reply.events().write(FakeOpenAiServer.readFixture("stream-chat-completion.txt")));

    await(provider().stream(request(true), listener));

    JsonNode sent = server.takeRequest().json();
    assertTrue(sent.get("stream").asBoolean());
    assertTrue(sent.get("stream_options").get("include_usage").asBoolean());
    assertTrue(sent.get("logprobs").asBoolean());
  }

  @Test
  void handsOverEachPieceAndCompletesWithTheWholeAnswer() throws Exception {
    server.enqueue(Reply.events()
        .withHeader("x-ratelimit-remaining-requests", "29999")
        .withHeader("x-ratelimit-reset-requests", "2ms")
        .withHeader("x-ratelimit-remaining-tokens", "149998784")
        .withHeader("x-ratelimit-reset-tokens", "6m0s")
        .write(FakeOpenAiServer.readFixture("stream-chat-completion.txt")));

    Completion completion = await(provider().stream(request(true), listener));

    assertEquals(PIECES, listener.pieces());
    assertEquals("Your order ships within two business days.", completion.text());
    assertEquals("gpt-4o-mini-2024-07-18", completion.model());
    assertEquals("stop", completion.finishReason());
    assertEquals(Optional.of(new TokenUsage(1219, 1024, 8, true)), completion.usage());
    assertEquals(List.of(-0.0019, -0.31, -0.0871, -0.0004, -0.0152, -0.0021, 0.0, -1.8e-6), completion.tokenLogprobs());
    assertEquals(
        new RateLimitStatus(OptionalLong.of(29999), Optional.of(Duration.ofMillis(2)),
            OptionalLong.of(149998784), Optional.of(Duration.ofMinutes(6))),
        completion.rateLimits());
  }

  @Test
  void readsLinesEndedByCrLf() throws Exception {
    String crLf = FakeOpenAiServer.readFixture("stream-chat-completion.txt").replace("\n", "\r\n");
    server.enqueue(Reply.events().write(crLf));

    Completion completion = await(provider().stream(request(false), listener));

    assertEquals(PIECES, listener.pieces());
    assertEquals("Your order ships within two business days.", completion.text());
  }

  @Test
  void handsOverTheFirstPieceBeforeTheRestIsWritten() throws Exception {
    CountDownLatch firstPieceSeen = new CountDownLatch(1);
    server.enqueue(Reply.events()
        .data(chunk("Your", null))
        .await(firstPieceSeen)
        .data(chunk(" order ships.", null))
        .data(chunk(null, "stop"))
        .data("[DONE]"));

    CompletableFuture<Completion> future = provider().stream(request(false), listener);

    assertEquals("Your", listener.nextPiece(), "while the server waits, before it writes the rest");
    assertFalse(future.isDone());
    firstPieceSeen.countDown();
    assertEquals("Your order ships.", await(future).text());
    assertEquals(List.of("Your", " order ships."), listener.pieces());
  }

  @Test
  void cancellingAbortsTheExchangeAndCompletesWithTheTextSoFar() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    Reply reply = Reply.events()
        .withHeader("x-ratelimit-remaining-requests", "7")
        .data(chunk("Your", null))
        .await(cancelled)
        .repeatUntilTheClientHangsUp("data: " + chunk(" more", null) + "\n\n");
    server.enqueue(reply);

    CompletableFuture<Completion> future = provider().stream(request(false), listener);
    assertEquals("Your", listener.nextPiece());
    listener.cancel();
    Completion completion = await(future);
    cancelled.countDown();

    assertEquals("Your", completion.text());
    assertEquals(Completion.FINISH_CANCELLED, completion.finishReason());
    assertTrue(completion.cancelled());
    assertEquals(Optional.empty(), completion.usage(), "llmgen counts what a cancelled stream produced");
    assertEquals(OptionalLong.of(7), completion.rateLimits().remainingRequests());
    assertNotNull(reply.writeFailure().get(10, TimeUnit.SECONDS), "the client closed the connection");
    assertEquals(List.of("Your"), listener.pieces(), "nothing after the cancellation");
  }

  @Test
  void cancellingBeforeTheResponseArrivesCompletesWithNoText() throws Exception {
    server.enqueue(Reply.events().data(chunk("late", "stop")).heldUntilClose());

    CompletableFuture<Completion> future = provider().stream(request(false), listener);
    server.takeRequest();
    listener.cancel();
    Completion completion = await(future);

    assertNull(completion.text());
    assertTrue(completion.cancelled());
    assertEquals(MODEL, completion.model());
    assertEquals(RateLimitStatus.UNKNOWN, completion.rateLimits());
  }

  @Test
  void reportsNoUsageWhenTheServerSendsNone() throws Exception {
    // llama.cpp and older Ollama: no usage chunk, and no model in the chunks.
    server.enqueue(Reply.events()
        .data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}")
        .data("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}")
        .data("[DONE]"));

    Completion completion = await(provider().stream(request(true), listener));

    assertEquals("Hi", completion.text());
    assertEquals(MODEL, completion.model());
    assertTrue(completion.truncated());
    assertEquals(Optional.empty(), completion.usage());
    assertEquals(List.of(), completion.tokenLogprobs(), "the server sent none");
    assertEquals(RateLimitStatus.UNKNOWN, completion.rateLimits());
  }

  @Test
  void aFinishReasonWithoutDoneEndsTheAnswer() throws Exception {
    server.enqueue(Reply.events().data(chunk("Hi", null)).data(chunk(null, "stop")));

    assertEquals("Hi", await(provider().stream(request(false), listener)).text());
  }

  @Test
  void failsWhenTheStreamEndsBeforeTheAnswer() throws Exception {
    server.enqueue(Reply.events().data(chunk("Your order", null)).data(chunk(" ships", null)));

    LlmProviderException failure = failure(provider().stream(request(false), listener));

    assertEquals(
        "openai ended the stream for model gpt-4o-mini before the answer was complete (no finish reason, no [DONE])"
            + " after 16 characters",
        failure.getMessage());
    assertEquals(List.of("Your order", " ships"), listener.pieces());
  }

  static Stream<Arguments> errorEvents() {
    String error = "{\"error\":{\"message\":\"The server had an error while processing your request. Key " + SECRET
        + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
    return Stream.of(
        Arguments.of("data: " + error + "\n\n"),
        Arguments.of("event: error\ndata: " + error + "\n\n"));
  }

  @ParameterizedTest
  @MethodSource("errorEvents")
  void failsOnAnErrorInTheStream(String event) throws Exception {
    server.enqueue(Reply.events().data(chunk("Your", null)).write(event));

    LlmProviderException failure = failure(provider().stream(request(false), listener));

    assertEquals(
        "openai sent an error (server_error) in the stream for model gpt-4o-mini: The server had an error while"
            + " processing your request. Key ****",
        failure.getMessage());
    assertEquals(Optional.of("server_error"), failure.errorCode());
    assertFalse(failure.bodyExcerpt().contains(SECRET), failure.bodyExcerpt());
    assertEquals(List.of("Your"), listener.pieces());
  }

  @Test
  void failsOnAnEventThatIsNotAChunk() throws Exception {
    server.enqueue(Reply.events().data("<html>Bad gateway</html>"));

    LlmProviderException failure = failure(provider().stream(request(false), listener));

    assertTrue(failure.getMessage().startsWith("openai returned a malformed answer for model gpt-4o-mini: the 200"
            + " stream has an event that is not a Chat Completions chunk (Unexpected character ('<'"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("): <html>Bad gateway</html>"), failure.getMessage());
  }

  @Test
  void failsWhenTheModelRefuses() throws Exception {
    server.enqueue(Reply.events()
        .data("{\"choices\":[{\"delta\":{\"refusal\":\"I'm sorry, \"},\"finish_reason\":null}]}")
        .data("{\"choices\":[{\"delta\":{\"refusal\":\"I can't help.\"},\"finish_reason\":\"stop\"}]}")
        .data("[DONE]"));

    LlmProviderException failure = failure(provider().stream(request(false), listener));

    assertEquals("model gpt-4o-mini on openai refused to answer: \"I'm sorry, I can't help.\"", failure.getMessage());
    assertEquals(Optional.of("refusal"), failure.errorCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"error-429-rate-limit.json", "error-401-invalid-api-key.json", "error-500-server-error.json"})
  void errorStatusesFailAsTheyDoWithoutAStream(String fixture) throws Exception {
    int status = Integer.parseInt(fixture.substring("error-".length(), "error-".length() + 3));
    server.enqueue(Reply.fixture(status, fixture).withHeader("Retry-After", "2"));
    server.enqueue(Reply.fixture(status, fixture).withHeader("Retry-After", "2"));

    LlmProviderException whole = failure(provider().complete(request(false)));
    LlmProviderException streamed = failure(provider().stream(request(false), listener));

    assertEquals(whole.getClass(), streamed.getClass());
    assertEquals(whole.getMessage(), streamed.getMessage());
    assertEquals(status, streamed.statusCode());
    assertEquals(whole.errorCode(), streamed.errorCode());
    assertEquals(whole.bodyExcerpt(), streamed.bodyExcerpt());
    assertEquals(Optional.of(Duration.ofSeconds(2)), streamed.retryAfter());
    assertEquals(whole.isRetryable(), streamed.isRetryable());
    assertEquals(List.of(), listener.pieces());
  }

  @Test
  void theTimeoutCoversTheWholeStream() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Reply reply = Reply.events()
        .data(chunk("Your", null))
        .await(never)
        .repeatUntilTheClientHangsUp("data: " + chunk(" order", null) + "\n\n");
    server.enqueue(reply);
    Duration timeout = Duration.ofMillis(200);
    ChatRequest request = new ChatRequest(MODEL, "", "When?", 64, OptionalDouble.empty(), new ResponseFormat.Text(),
        false, Optional.of(timeout));

    LlmProviderException failure = failure(provider().stream(request, listener));
    never.countDown();

    LlmTimeoutException timedOut = assertInstanceOf(LlmTimeoutException.class, failure);
    assertEquals(timeout, timedOut.timeout());
    assertEquals("openai gave no answer for model gpt-4o-mini within 200 ms (set LLMGEN_TIMEOUT to wait longer)",
        timedOut.getMessage());
    assertEquals(List.of("Your"), listener.pieces());
    assertNotNull(reply.writeFailure().get(10, TimeUnit.SECONDS), "the exchange was aborted");
  }

  /** One streamed chunk the way OpenAI writes it; {@code null} leaves a part out. */
  private static String chunk(String content, String finishReason) {
    ObjectNode chunk = Json.MAPPER.createObjectNode()
        .put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk.toString();
  }

  private OpenAiChatProvider provider() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new OpenAiChatProvider(server.baseUri(), Optional.of(new ApiKey(SECRET)), TIMEOUT, client, Clock.systemUTC());
  }

  private static ChatRequest request(boolean logprobs) {
    return new ChatRequest(MODEL, "You answer in one sentence.", "When does my order ship?", 256,
        OptionalDouble.empty(), new ResponseFormat.Text(), logprobs, Optional.empty());
  }
}
