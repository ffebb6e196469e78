package dev.llmgen.runtime.provider.anthropic;

import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.pricing.TokenCounter;
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
import java.util.concurrent.CompletableFuture;

/**
 * Anthropic's Messages API: one {@code POST {baseUri}/v1/messages} per request, sent without blocking.
 *
 * <p>Usage is reported the way llmgen prices it: every input token in the input count, the prompt-cache
 * reads as cached tokens and the cache writes apart, since Anthropic bills the three at different
 * prices. Answers in a JSON schema come through a forced tool call ({@link AnthropicRequestEncoder}).
 *
 * <p>Prompt caching is automatic: a system prompt long enough for Anthropic to cache (1024 tokens for
 * Sonnet and Opus, 2048 for Haiku, estimated with {@code cl100k_base}) is sent as a text block with an
 * {@code ephemeral} cache breakpoint, a shorter one as a plain string. The system prompt of a method is
 * the same on every call, so from the second call within five minutes it is read from the cache at a
 * tenth of the input price; the first call pays a quarter more to write it. Below the minimum Anthropic
 * would not cache it anyway. See {@link SystemPromptCaching}.
 *
 * <p>Each request may take {@link ChatRequest#timeout()}, or the provider's own timeout, from sending it
 * to the last byte of the answer.
 */
public final class AnthropicProvider implements LlmProvider {

  static final String NAME = "anthropic";

  /** The Messages API version this provider is written against; Anthropic changes behaviour only under a new one. */
  static final String API_VERSION = "2023-06-01";

  private final URI endpoint;
  private final ApiKey apiKey;
  private final Duration timeout;
  private final AnthropicRequestEncoder encoder;
  private final AnthropicResponseDecoder decoder;
  private final AnswerExchange exchange;

  /**
   * @param baseUri the API root without {@code /v1}, e.g. {@code https://api.anthropic.com}
   * @param apiKey sent in the {@code x-api-key} header
   * @param timeout how long a request without a timeout of its own may take, answer included
   * @param tokenCounter estimates system prompt lengths, to decide which ones to cache
   * @param clock turns the reset instants of rate-limit headers, and {@code retry-after} dates, into durations
   */
  public AnthropicProvider(
      URI baseUri, ApiKey apiKey, Duration timeout, HttpClient httpClient, TokenCounter tokenCounter, Clock clock) {
    this.endpoint = ProviderHttp.endpoint(baseUri, "/v1/messages");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.encoder = new AnthropicRequestEncoder(SystemPromptCaching.estimatingWith(tokenCounter));
    this.decoder = new AnthropicResponseDecoder(endpoint, apiKey, Objects.requireNonNull(clock, "clock"));
    this.exchange = new AnswerExchange(Objects.requireNonNull(httpClient, "httpClient"), decoder);
  }

  /** A provider with its own {@link HttpClient}, see {@link ProviderHttp#client}. */
  public static AnthropicProvider create(
      URI baseUri, ApiKey apiKey, Duration timeout, TokenCounter tokenCounter, Clock clock) {
    return new AnthropicProvider(baseUri, apiKey, timeout, ProviderHttp.client(baseUri, timeout), tokenCounter, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return exchange.complete(httpRequest(request, false), request.model(), timeoutOf(request));
  }

  /**
   * Streams the answer with {@code "stream": true}, each piece to {@code listener} as it arrives.
   * Cancelling through the listener aborts the HTTP exchange at once and completes the future normally
   * with the text so far and the usage {@code message_start} reported (llmgen counts the output itself);
   * the timeout covers the whole stream.
   */
  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return exchange.stream(
        httpRequest(request, true), request.model(), timeoutOf(request),
        new AnthropicStream(decoder, request.model(), listener), listener.cancellation());
  }

  private Duration timeoutOf(ChatRequest request) {
    return request.timeout().orElse(timeout);
  }

  private HttpRequest httpRequest(ChatRequest request, boolean stream) {
    return HttpRequest.newBuilder(endpoint)
        .header("x-api-key", apiKey.headerValue())
        .header("anthropic-version", API_VERSION)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encoder.encode(request, stream)))
        .build();
  }
}
