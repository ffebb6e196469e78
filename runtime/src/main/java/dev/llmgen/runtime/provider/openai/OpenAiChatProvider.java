package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.http.AnswerExchange;
import dev.llmgen.runtime.provider.http.ProviderHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * OpenAI Chat Completions, and every server that speaks it: Ollama, vLLM, llama.cpp server,
 * OpenRouter... One {@code POST {baseUri}/chat/completions} per request, sent without blocking.
 */
public final class OpenAiChatProvider implements LlmProvider {

  static final String NAME = "openai";

  private final URI endpoint;
  private final Optional<ApiKey> apiKey;
  private final Duration timeout;
  private final OpenAiRequestEncoder encoder;
  private final OpenAiResponseDecoder decoder;
  private final AnswerExchange exchange;

  /**
   * @param baseUri the API root without a trailing slash, e.g. {@code https://api.openai.com/v1} or
   *     {@code http://localhost:11434/v1}
   * @param apiKey sent as a bearer token when present; local servers usually need none
   * @param timeout how long one request may take, to the last byte of its answer, unless the request
   *     sets its own
   * @param clock turns {@code Retry-After} dates into durations
   */
  public OpenAiChatProvider(
      URI baseUri, Optional<ApiKey> apiKey, Duration timeout, HttpClient httpClient, Clock clock) {
    this.endpoint = ProviderHttp.endpoint(baseUri, "/chat/completions");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.encoder = OpenAiRequestEncoder.forBaseUri(baseUri);
    this.decoder = new OpenAiResponseDecoder(endpoint, apiKey, Objects.requireNonNull(clock, "clock"));
    this.exchange = new AnswerExchange(Objects.requireNonNull(httpClient, "httpClient"), decoder);
  }

  /** A provider with its own {@link HttpClient}, see {@link ProviderHttp#client}. */
  public static OpenAiChatProvider create(URI baseUri, Optional<ApiKey> apiKey, Duration timeout, Clock clock) {
    return new OpenAiChatProvider(baseUri, apiKey, timeout, ProviderHttp.client(baseUri, timeout), clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return exchange.complete(httpRequest(encoder.encode(request)), request.model(), timeoutOf(request));
  }

  /**
   * Streams the answer with {@code "stream": true}. Cancelling it through the listener aborts the HTTP
   * exchange at once and completes the future normally with the text so far and no usage; the timeout
   * covers the whole stream.
   */
  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return exchange.stream(
        httpRequest(encoder.encodeStreaming(request)), request.model(), timeoutOf(request),
        new StreamedAnswer(decoder, request.model(), listener), listener.cancellation());
  }

  private Duration timeoutOf(ChatRequest request) {
    return request.timeout().orElse(timeout);
  }

  /** Sets no timeout of its own: the exchange's deadline covers the whole answer (see {@link AnswerExchange}). */
  private HttpRequest httpRequest(String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    apiKey.ifPresent(key -> builder.header("Authorization", key.bearerToken()));
    return builder.build();
  }
}
