package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.ApiKey;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * OpenAI Chat Completions, and every server that speaks it: Ollama, vLLM, llama.cpp server,
 * OpenRouter... One {@code POST {baseUri}/chat/completions} per request, sent without blocking.
 */
public final class OpenAiChatProvider implements LlmProvider {

  static final String NAME = "openai";

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final Optional<ApiKey> apiKey;
  private final Duration timeout;
  private final HttpClient httpClient;
  private final OpenAiRequestEncoder encoder;
  private final OpenAiResponseDecoder decoder;

  /**
   * @param baseUri the API root without a trailing slash, e.g. {@code https://api.openai.com/v1} or
   *     {@code http://localhost:11434/v1}
   * @param apiKey sent as a bearer token when present; local servers usually need none
   * @param timeout how long one request may take, to the last byte of its answer, unless the request
   *     sets its own
   */
  public OpenAiChatProvider(URI baseUri, Optional<ApiKey> apiKey, Duration timeout, HttpClient httpClient) {
    this.endpoint = URI.create(stripTrailingSlash(baseUri.toString()) + "/chat/completions");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.encoder = OpenAiRequestEncoder.forBaseUri(baseUri);
    this.decoder = new OpenAiResponseDecoder(endpoint, apiKey, Clock.systemUTC());
  }

  /** A provider with its own {@link HttpClient}, see {@link #newHttpClient}. */
  public static OpenAiChatProvider create(URI baseUri, Optional<ApiKey> apiKey, Duration timeout) {
    return new OpenAiChatProvider(baseUri, apiKey, timeout, newHttpClient(baseUri, timeout));
  }

  /**
   * HTTP/2 over TLS; HTTP/1.1 for plain-http servers, which are local ones that do not expect the
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
    Duration timeout = timeoutOf(request);
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> exchange = httpClient.sendAsync(
        httpRequest(encoder.encode(request), timeout), HttpResponse.BodyHandlers.ofString());
    exchange.whenComplete((response, failure) -> settle(answer, () -> {
      if (failure != null) {
        throw decoder.transportFailure(Failures.unwrap(failure), request.model(), timeout);
      }
      return decoder.decode(response, request.model());
    }));
    // However the answer is settled (a timeout, a caller that gives up), the exchange stops with it.
    answer.whenComplete((completion, failure) -> exchange.cancel(true));
    expireAfter(answer, timeout, request.model());
    return answer;
  }

  /**
   * Streams the answer with {@code "stream": true}. Cancelling it through the listener aborts the HTTP
   * exchange at once and completes the future normally with the text so far and no usage; the timeout
   * covers the whole stream.
   */
  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    Duration timeout = timeoutOf(request);
    StreamedAnswer stream = new StreamedAnswer(decoder, request.model(), timeout, listener);
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(stream::accept);
    SseBodyHandler eventHandler = new SseBodyHandler(events);
    CompletableFuture<HttpResponse<SseBody>> exchange = httpClient.sendAsync(
        httpRequest(encoder.encodeStreaming(request), timeout),
        info -> {
          stream.responseArrived(info);
          return eventHandler.apply(info);
        });
    exchange.whenComplete(stream::exchanged);
    events.completion().whenComplete((ended, failure) -> stream.bodyEnded(failure));
    listener.cancellation().thenRun(stream::cancel);
    CompletableFuture<Completion> answer = stream.answer();
    answer.whenComplete((completion, failure) -> {
      events.cancel();
      exchange.cancel(true);
    });
    expireAfter(answer, timeout, request.model());
    return answer;
  }

  private Duration timeoutOf(ChatRequest request) {
    return request.timeout().orElse(timeout);
  }

  private HttpRequest httpRequest(String body, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    apiKey.ifPresent(key -> builder.header("Authorization", key.bearerToken()));
    return builder.build();
  }

  /**
   * Fails {@code answer} with a timeout once {@code timeout} has passed, body included: the JDK's own
   * request timeout only waits for the headers, and a server can stall after them.
   */
  private static void expireAfter(CompletableFuture<Completion> answer, Duration timeout, String model) {
    CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    timer.whenComplete((ignored, expired) -> {
      if (expired != null) {
        // Off the JDK's single timer thread, which the answer's dependents must not hold up.
        CompletableFuture.runAsync(
            () -> answer.completeExceptionally(new LlmTimeoutException(NAME, model, timeout, null)));
      }
    });
    answer.whenComplete((completion, failure) -> timer.complete(null)); // stops the timer
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
