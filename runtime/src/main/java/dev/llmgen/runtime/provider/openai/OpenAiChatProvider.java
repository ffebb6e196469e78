package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
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
   * @param timeout how long one request may wait for its answer
   */
  public OpenAiChatProvider(URI baseUri, Optional<ApiKey> apiKey, Duration timeout, HttpClient httpClient) {
    this.endpoint = URI.create(stripTrailingSlash(baseUri.toString()) + "/chat/completions");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.encoder = OpenAiRequestEncoder.forBaseUri(baseUri);
    this.decoder = new OpenAiResponseDecoder(endpoint, apiKey, timeout, Clock.systemUTC());
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
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> exchange =
        httpClient.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofString());
    exchange.whenComplete((response, failure) -> settle(answer, request, response, failure));
    // A caller that gives up (its own deadline, say) aborts the exchange instead of leaving it running.
    answer.whenComplete((completion, failure) -> {
      if (answer.isCancelled()) {
        exchange.cancel(true);
      }
    });
    return answer;
  }

  private HttpRequest httpRequest(ChatRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encoder.encode(request)));
    apiKey.ifPresent(key -> builder.header("Authorization", key.bearerToken()));
    return builder.build();
  }

  /**
   * Completes {@code answer} directly rather than through a dependent stage, so it fails with the
   * {@link dev.llmgen.runtime.LlmException} itself and not one wrapped in a {@link CompletionException}.
   */
  private void settle(
      CompletableFuture<Completion> answer, ChatRequest request, HttpResponse<String> response, Throwable failure) {
    try {
      if (failure != null) {
        answer.completeExceptionally(decoder.transportFailure(Failures.unwrap(failure), request.model()));
      } else {
        answer.complete(decoder.decode(response, request.model()));
      }
    } catch (RuntimeException e) { // never leave the caller waiting, whatever went wrong
      answer.completeExceptionally(e);
    }
  }


  private static String stripTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
