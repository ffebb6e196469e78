package dev.llmgen.runtime.provider.anthropic;

import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.sse.ServerSentEventSubscriber;
import dev.llmgen.runtime.provider.sse.SseBody;
import dev.llmgen.runtime.provider.sse.SseBodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final ApiKey apiKey;
  private final Duration timeout;
  private final HttpClient httpClient;
  private final AnthropicRequestEncoder encoder;
  private final AnthropicResponseDecoder decoder;

  /**
   * @param baseUri the API root without {@code /v1}, e.g. {@code https://api.anthropic.com}
   * @param apiKey sent in the {@code x-api-key} header
   * @param timeout how long a request without a timeout of its own may take, answer included
   * @param tokenCounter estimates system prompt lengths, to decide which ones to cache
   * @param clock turns the reset instants of rate-limit headers into durations
   */
  public AnthropicProvider(
      URI baseUri, ApiKey apiKey, Duration timeout, HttpClient httpClient, TokenCounter tokenCounter, Clock clock) {
    this.endpoint = URI.create(stripTrailingSlash(baseUri.toString()) + "/v1/messages");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.encoder = new AnthropicRequestEncoder(SystemPromptCaching.estimatingWith(tokenCounter));
    this.decoder = new AnthropicResponseDecoder(endpoint, apiKey, Objects.requireNonNull(clock, "clock"));
  }

  /** A provider with its own {@link HttpClient} (see {@link #newHttpClient}) and the system clock. */
  public static AnthropicProvider create(URI baseUri, ApiKey apiKey, Duration timeout, TokenCounter tokenCounter) {
    return new AnthropicProvider(
        baseUri, apiKey, timeout, newHttpClient(baseUri, timeout), tokenCounter, Clock.systemUTC());
  }

  /**
   * HTTP/2 over TLS; HTTP/1.1 for plain-http servers (local proxies, tests), which do not expect the
   * {@code h2c} upgrade the JDK would otherwise offer. Connecting never takes longer than ten seconds.
   */
  static HttpClient newHttpClient(URI baseUri, Duration timeout) {
    boolean tls = "https".equalsIgnoreCase(baseUri.getScheme());
    return HttpClient.newBuilder()
        .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
        .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> exchange =
        httpClient.sendAsync(httpRequest(request, false), HttpResponse.BodyHandlers.ofString());
    exchange.whenComplete((response, failure) -> settle(answer, () -> {
      if (failure != null) {
        throw decoder.transportFailure(Failures.unwrap(failure), request.model());
      }
      return decoder.decode(response, request.model());
    }));
    bindDeadline(answer, request, () -> exchange.cancel(true));
    return answer;
  }

  /**
   * Streams the answer with {@code "stream": true}, each piece to {@code listener} as it arrives.
   * Cancelling through the listener aborts the HTTP exchange at once and completes the future normally
   * with the text so far and no usage (llmgen then counts it); the timeout covers the whole stream.
   */
  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    AnthropicStream stream = new AnthropicStream(decoder, request.model(), listener);
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(stream::accept);
    SseBodyHandler eventHandler = new SseBodyHandler(events);
    CompletableFuture<HttpResponse<SseBody>> exchange = httpClient.sendAsync(httpRequest(request, true), info -> {
      stream.responseArrived(info);
      return eventHandler.apply(info);
    });
    exchange.whenComplete((response, failure) -> {
      if (failure != null) {
        answer.completeExceptionally(decoder.transportFailure(Failures.unwrap(failure), request.model()));
      } else if (response.body() instanceof SseBody.ErrorBody error) {
        answer.completeExceptionally(
            decoder.errorStatus(response.statusCode(), response.headers(), error.body(), request.model()));
      }
    });
    events.completion().whenComplete((ended, failure) -> {
      if (answer.isDone()) {
        return; // cancelled, timed out or failed before the body ended
      }
      settle(answer, () -> {
        if (failure == null) {
          return stream.finish();
        }
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof RuntimeException thrown) { // an error event, an unreadable event, a failing listener
          throw thrown;
        }
        throw decoder.transportFailure(cause, request.model());
      });
    });
    listener.cancellation().thenRun(() -> answer.complete(stream.cancel()));
    bindDeadline(answer, request, () -> {
      events.cancel();
      exchange.cancel(true);
    });
    return answer;
  }

  private HttpRequest httpRequest(ChatRequest request, boolean stream) {
    return HttpRequest.newBuilder(endpoint)
        .header("x-api-key", apiKey.headerValue())
        .header("anthropic-version", API_VERSION)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encoder.encode(request, stream)))
        .build();
  }

  /** Bounds the whole exchange by the request's timeout, else the provider's, and aborts it with the answer. */
  private void bindDeadline(CompletableFuture<Completion> answer, ChatRequest request, Runnable abort) {
    Duration limit = request.timeout().orElse(timeout);
    ExchangeDeadline.bind(answer, limit, expired -> decoder.timeout(request.model(), limit, expired), abort);
  }

  /**
   * Completes {@code answer} directly rather than through a dependent stage, so it fails with the
   * {@link dev.llmgen.runtime.LlmException} itself and not one wrapped in a {@link CompletionException}.
   */
  private static void settle(CompletableFuture<Completion> answer, Supplier<Completion> outcome) {
    try {
      answer.complete(outcome.get());
    } catch (RuntimeException e) { // never leave the caller waiting, whatever went wrong
      answer.completeExceptionally(e);
    }
  }

  private static String stripTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
