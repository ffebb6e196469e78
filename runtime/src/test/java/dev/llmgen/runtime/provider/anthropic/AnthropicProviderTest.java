package dev.llmgen.runtime.provider.anthropic;

import static dev.llmgen.runtime.provider.http.Answers.await;
import static dev.llmgen.runtime.provider.http.Answers.failure;
import static dev.llmgen.runtime.provider.http.FakeHttpServer.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.anthropic.FakeAnthropicServer.Reply;
import dev.llmgen.runtime.provider.http.FakeHttpServer.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end: real HTTP to a fake Messages API server on 127.0.0.1. */
class AnthropicProviderTest {

  static final String SECRET = "sk-ant-api03-llmgen-test-4c1d9e7b20a3f586";
  static final ApiKey KEY = new ApiKey(SECRET);
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final TokenCounter TOKEN_COUNTER = new TokenCounter();
  static final String MODEL = "claude-sonnet-4-5";
  static final String SYSTEM = "You answer customer questions in one sentence.";
  static final String PROMPT = "When does my order ship?";

  private FakeAnthropicServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = FakeAnthropicServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void postsTheRequestWithTheKeyAndApiVersionToMessages() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE));

    await(provider(server).complete(request(MODEL, SYSTEM, OptionalDouble.of(0.2), new ResponseFormat.Text())));

    RecordedRequest sent = server.takeRequest();
    assertEquals("POST", sent.method());
    assertEquals("/v1/messages", sent.path());
    assertEquals(Optional.of(SECRET), sent.header("x-api-key"));
    assertEquals(Optional.of("2023-06-01"), sent.header("anthropic-version"));
    assertEquals(Optional.of("application/json"), sent.header("content-type"));
    assertEquals(Optional.empty(), sent.header("Authorization"));
    assertEquals(
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"system\":\"" + SYSTEM + "\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"temperature\":0.2}",
        sent.body());
  }

  @Test
  void sendsNoSystemOrTemperatureWhenThereAreNone() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE));

    await(provider(server).complete(request(MODEL, "", OptionalDouble.empty(), new ResponseFormat.Text())));

    assertEquals(
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}",
        server.takeRequest().body());
  }

  /** A system prompt of 1024 to 2047 estimated tokens: long enough to cache for Sonnet, not for Haiku. */
  static String systemBetweenTheMinimums() {
    String system = "Answer as the support desk of Acme Parcel Services, politely and briefly. ".repeat(90);
    int tokens = TOKEN_COUNTER.count(TOKEN_COUNTER.encoding("cl100k_base"), system);
    assertTrue(tokens >= SystemPromptCaching.SONNET_AND_OPUS_MINIMUM && tokens < SystemPromptCaching.HAIKU_MINIMUM,
        "the test prompt has " + tokens + " tokens");
    return system;
  }

  static Stream<Arguments> systemPromptsAroundTheCacheMinimums() {
    String between = systemBetweenTheMinimums();
    String longer = between + between;
    return Stream.of(
        Arguments.of("claude-sonnet-4-5", SYSTEM, false),
        Arguments.of("claude-sonnet-4-5", between, true),
        Arguments.of("claude-opus-4-1", between, true),
        Arguments.of("claude-haiku-4-5-20251001", between, false),
        Arguments.of("claude-3-5-haiku-latest", longer, true));
  }

  @ParameterizedTest(name = "[{index}] {0}: cached {2}")
  @MethodSource("systemPromptsAroundTheCacheMinimums")
  void marksTheSystemPromptForCachingOnlyWhenAnthropicWouldCacheIt(String model, String system, boolean cached)
      throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE));

    await(provider(server).complete(request(model, system, OptionalDouble.empty(), new ResponseFormat.Text())));

    JsonNode sent = server.takeRequest().json().get("system");
    if (cached) {
      assertEquals(
          Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
              .put("type", "text").put("text", system)
              .set("cache_control", Json.MAPPER.createObjectNode().put("type", "ephemeral"))),
          sent);
    } else {
      assertEquals(Json.MAPPER.getNodeFactory().textNode(system), sent);
    }
  }

  @Test
  void returnsTheTextWithUsageCountingCacheReadsAndWritesApart() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE));

    Completion completion = await(provider(server).complete(textRequest()));

    assertEquals("Your order ships within two business days.", completion.text());
    assertEquals("claude-sonnet-4-5-20250929", completion.model());
    assertEquals("end_turn", completion.finishReason());
    assertFalse(completion.truncated());
    assertEquals(Optional.of(new TokenUsage(14 + 1536 + 2048, 2048, 1536, 12, true)), completion.usage());
    assertEquals(RateLimitStatus.UNKNOWN, completion.rateLimits());
  }

  @Test
  void usageIsPricedAsAnthropicBillsIt() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE));
    TokenPrices prices = ModelCatalog.bundled().find("claude-sonnet-4-5").orElseThrow().prices();

    TokenUsage usage = await(provider(server).complete(textRequest())).usage().orElseThrow();

    // 14 input tokens at $3.00, 2048 cache reads at $0.30, 1536 cache writes at $3.75, 12 output tokens
    // at $15.00 per million: 42,000 + 614,400 + 5,760,000 + 180,000 nanodollars.
    assertEquals(6_596_400L, prices.costNanos(
        usage.uncachedInputTokens(), usage.cachedInputTokens(), usage.cacheWriteTokens(), usage.outputTokens()));
  }

  @Test
  void forcesTheAnswerToolForASchemaAndReturnsItsInput() throws Exception {
    ObjectNode schema = (ObjectNode) Json.MAPPER.readTree(
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"born\":{\"type\":\"integer\"}},"
            + "\"required\":[\"name\",\"born\"],\"additionalProperties\":false}");
    server.enqueue(Reply.json(200, AnthropicFixtures.TOOL_USE));

    Completion completion = await(provider(server).complete(
        request(MODEL, SYSTEM, OptionalDouble.empty(), new ResponseFormat.JsonSchema("person", schema))));

    JsonNode sent = server.takeRequest().json();
    assertEquals(1, sent.get("tools").size());
    JsonNode tool = sent.get("tools").get(0);
    assertEquals("answer", tool.get("name").asText());
    assertEquals("Gives the answer: one person object, as the instructions ask.", tool.get("description").asText());
    assertEquals(schema, tool.get("input_schema"));
    assertEquals(Json.MAPPER.readTree("{\"type\":\"tool\",\"name\":\"answer\"}"), sent.get("tool_choice"));
    assertEquals("{\"name\":\"Ada Lovelace\",\"born\":1815}", completion.text());
    assertEquals("tool_use", completion.finishReason());
    assertEquals(Optional.of(new TokenUsage(412, 0, 0, 48, true)), completion.usage());
  }

  @Test
  void marksAnAnswerCutOffAtMaxTokensAsTruncated() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MAX_TOKENS));

    Completion completion = await(provider(server).complete(textRequest()));

    assertEquals("Your order ships within two", completion.text());
    assertEquals(Completion.FINISH_LENGTH, completion.finishReason());
    assertTrue(completion.truncated());
    assertEquals(Optional.of(new TokenUsage(31, 0, 0, 8, true)), completion.usage());
  }

  @Test
  void readsTheRateLimitHeaders() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.MESSAGE)
        .withHeader("anthropic-ratelimit-requests-limit", "50")
        .withHeader("anthropic-ratelimit-requests-remaining", "49")
        .withHeader("anthropic-ratelimit-requests-reset", "2025-06-01T12:00:01Z")
        .withHeader("anthropic-ratelimit-tokens-remaining", "38000")
        .withHeader("anthropic-ratelimit-tokens-reset", "2025-06-01T12:00:06Z")
        .withHeader("anthropic-ratelimit-output-tokens-remaining", "7600")
        .withHeader("anthropic-ratelimit-output-tokens-reset", "2025-06-01T12:00:04Z"));

    Completion completion = await(provider(server).complete(textRequest()));

    assertEquals(
        new RateLimitStatus(OptionalLong.of(49), Optional.of(Duration.ofSeconds(1)),
            OptionalLong.of(7600), Optional.of(Duration.ofSeconds(4))),
        completion.rateLimits());
  }

  @Test
  void failsWhenTheModelRefuses() throws Exception {
    server.enqueue(Reply.json(200, AnthropicFixtures.REFUSAL));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals("model claude-sonnet-4-5 on anthropic refused to answer: \"I can't help with that.\"",
        failure.getMessage());
    assertEquals(200, failure.statusCode());
    assertEquals(Optional.of("refusal"), failure.errorCode());
    assertFalse(failure.isRetryable());
  }

  static Stream<Arguments> errorResponses() {
    return Stream.of(
        Arguments.of(400, "invalid_request_error", "max_tokens: 300000 > 64000, which is the maximum allowed number"
            + " of output tokens for claude-sonnet-4-5-20250929", false),
        Arguments.of(401, "authentication_error", "invalid x-api-key", false),
        Arguments.of(403, "permission_error", "Your API key does not have permission to use the specified resource.",
            false),
        Arguments.of(404, "not_found_error", "model: claude-sonnet-9", false),
        Arguments.of(413, "request_too_large", "Request exceeds the maximum allowed number of bytes.", false),
        Arguments.of(500, "api_error", "Internal server error", true),
        Arguments.of(529, "overloaded_error", "Overloaded", true));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errorResponses")
  void mapsErrorResponses(int status, String type, String message, boolean retryable) throws Exception {
    String body = AnthropicFixtures.error(type, message);
    server.enqueue(Reply.json(status, body));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals("anthropic returned " + status + " (" + type + ") for model claude-sonnet-4-5: " + message,
        failure.getMessage());
    assertEquals(status, failure.statusCode());
    assertEquals(Optional.of(type), failure.errorCode());
    assertEquals(retryable, failure.isRetryable());
    assertEquals(Optional.empty(), failure.retryAfter());
    assertEquals("anthropic", failure.provider());
    assertEquals(MODEL, failure.model());
    assertEquals(body, failure.bodyExcerpt());
  }

  @Test
  void mapsARateLimitWithItsRetryAfterHint() throws Exception {
    String message = "This request would exceed the rate limit for your organization of 30,000 input tokens per"
        + " minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response"
        + " headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try"
        + " again later. You may also contact sales to discuss your options for a rate limit increase.";
    server.enqueue(Reply.json(429, AnthropicFixtures.error("rate_limit_error", message)).withHeader("retry-after", "17"));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "anthropic returned 429 (rate_limit_error) for model claude-sonnet-4-5: This request would exceed"),
        failure.getMessage());
    assertEquals(Optional.of("rate_limit_error"), failure.errorCode());
    assertEquals(Optional.of(Duration.ofSeconds(17)), failure.retryAfter());
    assertTrue(failure.isRetryable());
    assertEquals(300, failure.bodyExcerpt().length());
    assertTrue(failure.bodyExcerpt().endsWith("…"), failure.bodyExcerpt());
  }

  @Test
  void readsARetryAfterGivenAsAnHttpDate() throws Exception {
    server.enqueue(Reply.json(429, AnthropicFixtures.error("rate_limit_error", "Too many requests"))
        .withHeader("retry-after", "Sun, 01 Jun 2025 12:00:30 GMT"));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals(Optional.of(Duration.ofSeconds(30)), failure.retryAfter(), "from the provider's clock, at " + NOW);
  }

  @Test
  void ignoresARetryAfterItCannotRead() throws Exception {
    server.enqueue(Reply.json(529, AnthropicFixtures.error("overloaded_error", "Overloaded"))
        .withHeader("retry-after", "soon"));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals(Optional.empty(), failure.retryAfter());
    assertTrue(failure.isRetryable());
  }

  @Test
  void quotesTheBodyOfAnErrorThatIsNotJson() throws Exception {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>";
    server.enqueue(Reply.json(502, html));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals("anthropic returned 502 for model claude-sonnet-4-5: " + html, failure.getMessage());
    assertEquals(Optional.empty(), failure.errorCode());
    assertTrue(failure.isRetryable());
  }

  @Test
  void failsOnA200BodyThatIsNotJson() throws Exception {
    server.enqueue(Reply.json(200, "<html><body>Welcome to nginx!</body></html>"));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "anthropic returned a malformed answer for model claude-sonnet-4-5: the 200 body is not a Messages API"
            + " response (Unexpected character ('<'"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("): <html><body>Welcome to nginx!</body></html>"), failure.getMessage());
    assertNull(failure.getCause(), "Jackson's message quotes the body, so it is not attached");
    assertFalse(failure.isRetryable());
  }

  static Stream<Arguments> bodiesThatAreNotMessages() {
    String noContent = "{\"id\":\"msg_1\",\"type\":\"message\",\"stop_reason\":\"end_turn\"}";
    String impossibleUsage = "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
        + "\"usage\":{\"input_tokens\":-40,\"cache_read_input_tokens\":30,\"output_tokens\":1}}";
    String error = AnthropicFixtures.error("overloaded_error", "Overloaded");
    return Stream.of(
        Arguments.of(noContent, " (no content): " + noContent, Optional.empty()),
        Arguments.of(impossibleUsage,
            " (impossible token usage: input -10, cached 30, cache write 0, output 1): " + impossibleUsage,
            Optional.empty()),
        Arguments.of(error, " (no content): Overloaded", Optional.of("overloaded_error")));
  }

  @ParameterizedTest
  @MethodSource("bodiesThatAreNotMessages")
  void failsOnA200BodyThatIsNotAMessage(String body, String detail, Optional<String> code) throws Exception {
    server.enqueue(Reply.json(200, body));

    LlmProviderException failure = failure(provider(server).complete(textRequest()));

    assertEquals(
        "anthropic returned a malformed answer for model claude-sonnet-4-5: the 200 body is not a Messages API"
            + " response" + detail,
        failure.getMessage());
    assertEquals(code, failure.errorCode());
    assertEquals(200, failure.statusCode());
  }

  @Test
  void reportsARefusedConnectionWithTheUrlAndTheSetting() throws Exception {
    URI nothingListening = URI.create("http://127.0.0.1:" + freePort());

    LlmProviderException failure = failure(
        AnthropicProvider.create(nothingListening, KEY, TIMEOUT, TOKEN_COUNTER, Clock.systemUTC()).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "anthropic could not be reached at " + nothingListening + "/v1/messages for model claude-sonnet-4-5: "
            + "ConnectException"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("(is the server running, and is ANTHROPIC_BASE_URL right?)"),
        failure.getMessage());
    assertEquals(LlmProviderException.NO_RESPONSE, failure.statusCode());
    assertInstanceOf(IOException.class, failure.getCause());
    assertTrue(failure.isRetryable());
  }

  @Test
  void timesOutWhenTheBodyStallsPastTheRequestTimeout() throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    server.enqueue(Reply.streamed("application/json", "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",")
        .thenAwait(stalled)
        .thenPingUntilClientIsGone());
    Duration timeout = Duration.ofMillis(200);
    ChatRequest request = new ChatRequest(
        MODEL, SYSTEM, PROMPT, 256, OptionalDouble.empty(), new ResponseFormat.Text(), false, Optional.of(timeout));

    LlmProviderException failure = failure(provider(server).complete(request));

    LlmTimeoutException timedOut = assertInstanceOf(LlmTimeoutException.class, failure);
    assertEquals(timeout, timedOut.timeout());
    assertEquals("anthropic gave no answer for model claude-sonnet-4-5 within 200 ms (set LLMGEN_TIMEOUT to wait"
        + " longer)", timedOut.getMessage());
    assertTrue(timedOut.isRetryable());
    stalled.countDown();
    assertInstanceOf(IOException.class, server.writeFailure().get(10, TimeUnit.SECONDS),
        "the stalled exchange is aborted, not left reading");
  }

  @Test
  void neverShowsTheKeyTheServerEchoes() throws Exception {
    server.enqueue(Reply.json(401, AnthropicFixtures.error("authentication_error", "invalid x-api-key: " + SECRET)));
    // A proxy page with the key across the end of the excerpt: cutting before redacting would leave a piece.
    server.enqueue(Reply.json(403, "Forbidden. ".repeat(24) + "x-api-key: " + SECRET + " was rejected."));

    LlmProviderException json = failure(provider(server).complete(textRequest()));
    LlmProviderException text = failure(provider(server).complete(textRequest()));

    assertEquals("anthropic returned 401 (authentication_error) for model claude-sonnet-4-5: invalid x-api-key: ****",
        json.getMessage());
    for (LlmProviderException failure : new LlmProviderException[] {json, text}) {
      for (String shown : new String[] {failure.getMessage(), failure.bodyExcerpt(), failure.toString()}) {
        assertFalse(shown.contains(SECRET.substring(0, 12)), shown);
      }
    }
    assertTrue(text.bodyExcerpt().endsWith("x-api-key: **** was rejected."), text.bodyExcerpt());
  }

  @Test
  void isNamedAnthropic() {
    assertEquals("anthropic", provider(server).name());
  }

  static AnthropicProvider provider(FakeAnthropicServer server) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new AnthropicProvider(
        server.baseUri(), KEY, TIMEOUT, client, TOKEN_COUNTER, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ChatRequest textRequest() {
    return request(MODEL, SYSTEM, OptionalDouble.empty(), new ResponseFormat.Text());
  }

  static ChatRequest request(String model, String system, OptionalDouble temperature, ResponseFormat format) {
    return new ChatRequest(model, system, PROMPT, 256, temperature, format);
  }
}
