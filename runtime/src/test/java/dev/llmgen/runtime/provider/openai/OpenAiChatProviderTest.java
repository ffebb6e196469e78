package dev.llmgen.runtime.provider.openai;

import static dev.llmgen.runtime.provider.http.Answers.await;
import static dev.llmgen.runtime.provider.http.Answers.failure;
import static dev.llmgen.runtime.provider.http.FakeHttpServer.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.llmgen.runtime.provider.http.FakeHttpServer.RecordedRequest;
import dev.llmgen.runtime.provider.openai.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end: real HTTP to a fake OpenAI-compatible server on 127.0.0.1. */
class OpenAiChatProviderTest {

  private static final String SECRET = "sk-llmgen-test-7f3a9c2e51d84b06";
  private static final Optional<ApiKey> KEY = Optional.of(new ApiKey(SECRET));
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String MODEL = "gpt-4o-mini";
  private static final String SYSTEM = "You answer customer questions in one sentence.";
  private static final String PROMPT = "When does my order ship?";

  private FakeOpenAiServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = FakeOpenAiServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void postsSystemAndUserMessagesWithTheKeyToChatCompletions() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    await(provider(KEY).complete(request(SYSTEM, OptionalDouble.of(0.2), new ResponseFormat.Text())));

    RecordedRequest sent = server.takeRequest();
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals(Optional.of("application/json"), sent.header("Content-Type"));
    assertEquals(Optional.of("Bearer " + SECRET), sent.header("Authorization"));
    assertEquals(
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM + "\"},"
            + "{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"max_tokens\":256,\"temperature\":0.2}",
        sent.body());
  }

  @Test
  void sendsNoSystemMessageTemperatureOrAuthorizationWhenThereAreNone() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    await(provider(Optional.empty()).complete(request("", OptionalDouble.empty(), new ResponseFormat.Text())));

    RecordedRequest sent = server.takeRequest();
    assertEquals(Optional.empty(), sent.header("Authorization"));
    assertEquals(
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],"
            + "\"max_tokens\":256}",
        sent.body());
  }

  @Test
  void asksForStrictJsonSchemaAndReturnsTheStructuredAnswer() throws Exception {
    ObjectNode schema = (ObjectNode) Json.MAPPER.readTree(
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"born\":{\"type\":\"integer\"}},"
            + "\"required\":[\"name\",\"born\"],\"additionalProperties\":false}");
    server.enqueue(Reply.fixture(200, "structured-output.json"));

    Completion completion = await(provider(KEY).complete(
        request(SYSTEM, OptionalDouble.empty(), new ResponseFormat.JsonSchema("person", schema))));

    JsonNode responseFormat = server.takeRequest().json().get("response_format");
    assertEquals("json_schema", responseFormat.get("type").asText());
    assertEquals("person", responseFormat.get("json_schema").get("name").asText());
    assertTrue(responseFormat.get("json_schema").get("strict").asBoolean());
    assertEquals(schema, responseFormat.get("json_schema").get("schema"));
    JsonNode answer = Json.MAPPER.readTree(completion.text());
    assertEquals("Ada Lovelace", answer.get("name").asText());
    assertEquals(1815, answer.get("born").asInt());
    assertEquals(Optional.of(new TokenUsage(96, 0, 24, true)), completion.usage());
  }

  @Test
  void returnsTheAnswerWithReportedUsageIncludingCachedTokens() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    Completion completion = await(provider(KEY).complete(textRequest()));

    assertEquals("Your order ships within two business days.", completion.text());
    assertEquals("gpt-4o-mini-2024-07-18", completion.model());
    assertEquals("stop", completion.finishReason());
    assertFalse(completion.truncated());
    assertEquals(Optional.of(new TokenUsage(1219, 1024, 9, true)), completion.usage());
  }

  @Test
  void reportsNoUsageWhenTheServerSendsNone() throws Exception {
    server.enqueue(Reply.fixture(200, "without-usage.json"));

    Completion completion = await(provider(Optional.empty()).complete(textRequest()));

    assertEquals(Optional.empty(), completion.usage());
    assertEquals("llama-3.2-3b-instruct-q4_k_m.gguf", completion.model());
    assertTrue(completion.truncated());
  }

  @Test
  void fallsBackToTheRequestedModelAndZeroCachedTokens() throws Exception {
    server.enqueue(Reply.fixture(200, "without-model.json"));

    Completion completion = await(provider(Optional.empty()).complete(textRequest()));

    assertEquals(MODEL, completion.model());
    assertEquals(Optional.of(new TokenUsage(31, 0, 2, true)), completion.usage());
  }

  @Test
  void failsWhenTheModelRefuses() throws Exception {
    server.enqueue(Reply.fixture(200, "refusal.json"));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertEquals(
        "model gpt-4o-mini on openai refused to answer: \"I'm sorry, I can't assist with that request.\"",
        failure.getMessage());
    assertEquals(200, failure.statusCode());
    assertEquals(Optional.of("refusal"), failure.errorCode());
    assertFalse(failure.isRetryable());
  }

  static Stream<Arguments> errorResponses() {
    return Stream.of(
        Arguments.of(400, "error-400-invalid-request.json", "invalid_request_error", false,
            "openai returned 400 (invalid_request_error) for model gpt-4o-mini: Invalid schema for response_format"
                + " 'person': In context=(), 'additionalProperties' is required to be supplied and to be false."),
        Arguments.of(401, "error-401-invalid-api-key.json", "invalid_api_key", false,
            "openai returned 401 (invalid_api_key) for model gpt-4o-mini: Incorrect API key provided: sk-proj-****"),
        Arguments.of(500, "error-500-server-error.json", "server_error", true,
            "openai returned 500 (server_error) for model gpt-4o-mini: The server had an error while processing"
                + " your request. Sorry about that!"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("errorResponses")
  void mapsErrorResponses(int status, String fixture, String code, boolean retryable, String message)
      throws Exception {
    server.enqueue(Reply.fixture(status, fixture));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(message), failure.getMessage());
    assertEquals(status, failure.statusCode());
    assertEquals(Optional.of(code), failure.errorCode());
    assertEquals(retryable, failure.isRetryable());
    assertEquals(Optional.empty(), failure.retryAfter());
    assertEquals("openai", failure.provider());
    assertEquals(MODEL, failure.model());
    assertTrue(failure.bodyExcerpt().startsWith("{ \"error\": { \"message\":"), failure.bodyExcerpt());
    assertTrue(failure.bodyExcerpt().length() <= 300, failure.bodyExcerpt());
  }

  @Test
  void mapsRateLimitWithItsRetryAfterHint() throws Exception {
    server.enqueue(Reply.fixture(429, "error-429-rate-limit.json").withHeader("Retry-After", "2"));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "openai returned 429 (rate_limit_exceeded) for model gpt-4o-mini: Rate limit reached for gpt-4o-mini"),
        failure.getMessage());
    assertEquals(429, failure.statusCode());
    assertEquals(Optional.of("rate_limit_exceeded"), failure.errorCode());
    assertEquals(Optional.of(Duration.ofSeconds(2)), failure.retryAfter());
    assertTrue(failure.isRetryable());
    assertTrue(failure.bodyExcerpt().length() <= 300, failure.bodyExcerpt());
    assertTrue(failure.bodyExcerpt().endsWith("…"), failure.bodyExcerpt());
  }

  @Test
  void quotesTheBodyOfAnErrorThatIsNotJson() throws Exception {
    String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
        + "</center><hr><center>nginx</center></body></html>";
    server.enqueue(Reply.text(502, "text/html", html));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertEquals("openai returned 502 for model gpt-4o-mini: " + html, failure.getMessage());
    assertEquals(Optional.empty(), failure.errorCode());
    assertEquals(html, failure.bodyExcerpt());
    assertTrue(failure.isRetryable());
  }

  @Test
  void failsOnA200BodyThatIsNotJson() throws Exception {
    server.enqueue(Reply.text(200, "text/html", "<html><body>Welcome to nginx!</body></html>"));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "openai returned a malformed answer for model gpt-4o-mini: the 200 body is not a Chat Completions response"
            + " (Unexpected character ('<'"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("): <html><body>Welcome to nginx!</body></html>"), failure.getMessage());
    assertEquals(200, failure.statusCode());
    assertNull(failure.getCause(), "Jackson's message quotes the body, so it is not attached");
    assertFalse(failure.isRetryable());
  }

  static Stream<Arguments> bodiesThatAreNotCompletions() {
    String noChoices = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}";
    String noMessage = "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}";
    String impossibleUsage = "{\"choices\":[{\"message\":{\"content\":\"hi\"}}],"
        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"prompt_tokens_details\":{\"cached_tokens\":5}}}";
    // Some gateways answer 200 with an error object.
    String error = "{\"error\":{\"message\":\"Upstream provider timed out\",\"code\":\"502\"}}";
    return Stream.of(
        Arguments.of(noChoices, " (no choices): " + noChoices, Optional.empty()),
        Arguments.of(noMessage, " (no message in the first choice): " + noMessage, Optional.empty()),
        Arguments.of(impossibleUsage,
            " (impossible token usage: input 3, cached 5, cache write 0, output 1): " + impossibleUsage,
            Optional.empty()),
        Arguments.of(error, " (no choices): Upstream provider timed out", Optional.of("502")));
  }

  @ParameterizedTest
  @MethodSource("bodiesThatAreNotCompletions")
  void failsOnA200BodyThatIsNotACompletion(String body, String detail, Optional<String> code) throws Exception {
    server.enqueue(Reply.json(200, body));

    LlmProviderException failure = failure(provider(KEY).complete(textRequest()));

    assertEquals(
        "openai returned a malformed answer for model gpt-4o-mini: the 200 body is not a Chat Completions response"
            + detail,
        failure.getMessage());
    assertEquals(code, failure.errorCode());
    assertEquals(200, failure.statusCode());
  }

  @Test
  void reportsARefusedConnectionWithTheUrl() throws Exception {
    URI nothingListening = URI.create("http://127.0.0.1:" + freePort() + "/v1");

    LlmProviderException failure = failure(
        OpenAiChatProvider.create(nothingListening, KEY, TIMEOUT, Clock.systemUTC()).complete(textRequest()));

    assertTrue(failure.getMessage().startsWith(
        "openai could not be reached at " + nothingListening + "/chat/completions for model gpt-4o-mini: "
            + "ConnectException"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("(is the server running, and is OPENAI_BASE_URL right?)"),
        failure.getMessage());
    assertEquals(LlmProviderException.NO_RESPONSE, failure.statusCode());
    assertInstanceOf(IOException.class, failure.getCause());
    assertTrue(failure.isRetryable());
  }

  @Test
  void timesOutWhenTheAnswerTakesLongerThanTheTimeout() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json").heldUntilClose());
    Duration timeout = Duration.ofMillis(200);

    LlmProviderException failure = failure(
        OpenAiChatProvider.create(server.baseUri(), KEY, timeout, Clock.systemUTC()).complete(textRequest()));

    LlmTimeoutException timedOut = assertInstanceOf(LlmTimeoutException.class, failure);
    assertEquals(timeout, timedOut.timeout());
    assertEquals("openai gave no answer for model gpt-4o-mini within 200 ms (set LLMGEN_TIMEOUT to wait longer)",
        timedOut.getMessage());
    assertTrue(timedOut.isRetryable());
  }

  @Test
  void theTimeoutCoversABodyThatStallsAfterTheHeaders() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Reply reply = Reply.chunked(200, "application/json")
        .write("{\"id\":\"chatcmpl-1\",")
        .await(never)
        .repeatUntilTheClientHangsUp("\"padding\":0,");
    server.enqueue(reply);
    Duration timeout = Duration.ofMillis(200);
    ChatRequest request = new ChatRequest(MODEL, SYSTEM, PROMPT, 256, OptionalDouble.empty(), new ResponseFormat.Text(),
        false, Optional.of(timeout));

    LlmProviderException failure = failure(provider(KEY).complete(request));
    never.countDown();

    LlmTimeoutException timedOut = assertInstanceOf(LlmTimeoutException.class, failure);
    assertEquals(timeout, timedOut.timeout(), "the request's own timeout, not the provider's " + TIMEOUT);
    assertEquals("openai gave no answer for model gpt-4o-mini within 200 ms (set LLMGEN_TIMEOUT to wait longer)",
        timedOut.getMessage());
    assertNotNull(reply.writeFailure().get(10, TimeUnit.SECONDS), "the exchange was aborted");
  }

  @Test
  void asksForLogprobsAndReturnsThem() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion-logprobs.json"));

    Completion completion = await(provider(KEY).complete(logprobsRequest()));

    assertTrue(server.takeRequest().json().get("logprobs").asBoolean());
    assertEquals(List.of(-0.0019, -0.31, -0.0871, -0.0004, -0.0152, -0.0021, 0.0, -1.8e-6), completion.tokenLogprobs());
  }

  @Test
  void returnsNoLogprobsWhenTheServerSendsNone() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json"));
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    Completion asked = await(provider(KEY).complete(logprobsRequest()));
    Completion notAsked = await(provider(KEY).complete(textRequest()));

    assertEquals(List.of(), asked.tokenLogprobs());
    assertEquals(List.of(), notAsked.tokenLogprobs());
    server.takeRequest();
    assertFalse(server.takeRequest().json().has("logprobs"));
  }

  @Test
  void readsTheRateLimitHeaders() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json")
        .withHeader("x-ratelimit-limit-requests", "30000")
        .withHeader("x-ratelimit-remaining-requests", "29999")
        .withHeader("x-ratelimit-reset-requests", "2ms")
        .withHeader("x-ratelimit-remaining-tokens", "149998784")
        .withHeader("x-ratelimit-reset-tokens", "1h2m3.5s"));

    Completion completion = await(provider(KEY).complete(textRequest()));

    assertEquals(
        new RateLimitStatus(OptionalLong.of(29999), Optional.of(Duration.ofMillis(2)),
            OptionalLong.of(149998784), Optional.of(Duration.ofSeconds(3723, 500_000_000))),
        completion.rateLimits());
  }

  @Test
  void ignoresRateLimitHeadersItCannotRead() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json")
        .withHeader("x-ratelimit-remaining-requests", "many")
        .withHeader("x-ratelimit-reset-requests", "soon")
        .withHeader("x-ratelimit-remaining-tokens", "-5")
        .withHeader("x-ratelimit-reset-tokens", "6m0s"));
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    Completion malformed = await(provider(KEY).complete(textRequest()));
    Completion without = await(provider(KEY).complete(textRequest()));

    assertEquals(
        new RateLimitStatus(OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
            Optional.of(Duration.ofMinutes(6))),
        malformed.rateLimits());
    assertEquals(RateLimitStatus.UNKNOWN, without.rateLimits());
  }

  @Test
  void neverShowsTheKeyTheServerEchoes() throws Exception {
    server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET + ".\","
        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
    // A proxy page with the key across the end of the excerpt: cutting before redacting would leave a piece.
    server.enqueue(Reply.text(403, "text/plain",
        "Forbidden. ".repeat(24) + "Authorization: Bearer " + SECRET + " was rejected."));

    LlmProviderException json = failure(provider(KEY).complete(textRequest()));
    LlmProviderException text = failure(provider(KEY).complete(textRequest()));

    assertEquals("openai returned 401 (invalid_api_key) for model gpt-4o-mini: Incorrect API key provided: ****.",
        json.getMessage());
    for (LlmProviderException failure : new LlmProviderException[] {json, text}) {
      for (String shown : new String[] {failure.getMessage(), failure.bodyExcerpt(), failure.toString()}) {
        assertFalse(shown.contains(SECRET.substring(0, 8)), shown);
      }
    }
    assertTrue(text.bodyExcerpt().endsWith("Bearer **** was reje…"), text.bodyExcerpt());
  }

  @Test
  void failsTheFutureWithTheProviderExceptionAsTheDirectCause() {
    server.enqueue(Reply.fixture(500, "error-500-server-error.json"));

    CompletableFuture<Completion> future = provider(KEY).complete(textRequest());

    ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(LlmProviderException.class, thrown.getCause());
  }

  @Test
  void talksHttp11ToPlainHttpServersWithoutOfferingAnUpgrade() throws Exception {
    server.enqueue(Reply.fixture(200, "chat-completion.json"));

    await(OpenAiChatProvider.create(server.baseUri(), Optional.empty(), TIMEOUT, Clock.systemUTC()).complete(textRequest()));

    RecordedRequest sent = server.takeRequest();
    assertEquals(Optional.empty(), sent.header("Upgrade"));
    assertEquals(Optional.empty(), sent.header("HTTP2-Settings"));
  }

  @Test
  void isNamedOpenai() {
    assertEquals("openai", provider(KEY).name());
  }

  private OpenAiChatProvider provider(Optional<ApiKey> apiKey) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new OpenAiChatProvider(server.baseUri(), apiKey, TIMEOUT, client, Clock.systemUTC());
  }

  private static ChatRequest logprobsRequest() {
    return new ChatRequest(MODEL, SYSTEM, PROMPT, 256, OptionalDouble.empty(), new ResponseFormat.Text(), true,
        Optional.empty());
  }

  private static ChatRequest textRequest() {
    return request(SYSTEM, OptionalDouble.empty(), new ResponseFormat.Text());
  }

  private static ChatRequest request(String system, OptionalDouble temperature, ResponseFormat format) {
    return new ChatRequest(MODEL, system, PROMPT, 256, temperature, format);
  }
}
