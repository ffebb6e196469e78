package dev.llmgen.runtime.provider.http;

import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.sse.ServerSentEventSubscriber;
import dev.llmgen.runtime.provider.sse.SseBody;
import dev.llmgen.runtime.provider.sse.SseBodyHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Sends a provider's requests without blocking and settles the future the caller holds from what
 * comes back, as its {@link ExchangeDecoder} reads it. The future fails with the
 * {@link dev.llmgen.runtime.LlmException} itself, never one wrapped in a {@link CompletionException},
 * and is always settled: by the answer, by a failure, or by the timeout, which covers the whole
 * exchange, body included. Once it is settled, however, the exchange is aborted.
 */
public final class AnswerExchange {

  private final HttpClient httpClient;
  private final ExchangeDecoder decoder;

  public AnswerExchange(HttpClient httpClient, ExchangeDecoder decoder) {
    this.httpClient = httpClient;
    this.decoder = decoder;
  }

  /** The answer to {@code request}, read whole. */
  public CompletableFuture<Completion> complete(HttpRequest request, String model, Duration timeout) {
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> exchange =
        httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    exchange.whenComplete((response, failure) -> settle(answer, () -> {
      if (failure != null) {
        throw decoder.transportFailure(Failures.unwrap(failure), model, timeout);
      }
      return decoder.decode(response, model);
    }));
    bindDeadline(answer, model, timeout, () -> exchange.cancel(true));
    return answer;
  }

  /**
   * The answer to {@code request}, which asks for server-sent events, each handed to {@code stream} as
   * it arrives. Completing {@code cancellation} aborts the exchange at once and completes the answer
   * normally with what {@link AnswerStream#cancel} returns.
   */
  public CompletableFuture<Completion> stream(
      HttpRequest request, String model, Duration timeout, AnswerStream stream, CompletionStage<Void> cancellation) {
    CompletableFuture<Completion> answer = new CompletableFuture<>();
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(stream::accept);
    SseBodyHandler eventHandler = new SseBodyHandler(events);
    CompletableFuture<HttpResponse<SseBody>> exchange = httpClient.sendAsync(request, info -> {
      stream.responseArrived(info);
      return eventHandler.apply(info);
    });
    exchange.whenComplete((response, failure) -> {
      if (failure != null) {
        answer.completeExceptionally(decoder.transportFailure(Failures.unwrap(failure), model, timeout));
      } else if (response.body() instanceof SseBody.ErrorBody error) {
        answer.completeExceptionally(
            decoder.errorStatus(response.statusCode(), response.headers(), error.body(), model));
      } // else the events follow
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
        throw decoder.transportFailure(cause, model, timeout);
      });
    });
    cancellation.thenRun(() -> answer.complete(stream.cancel()));
    bindDeadline(answer, model, timeout, () -> {
      events.cancel();
      exchange.cancel(true);
    });
    return answer;
  }

  private void bindDeadline(CompletableFuture<Completion> answer, String model, Duration timeout, Runnable abort) {
    ExchangeDeadline.bind(answer, timeout, expired -> decoder.timeout(model, timeout, expired), abort);
  }

  /** Completes {@code answer} directly rather than through a dependent stage, so the failure is not wrapped. */
  private static void settle(CompletableFuture<Completion> answer, Supplier<Completion> outcome) {
    try {
      answer.complete(outcome.get());
    } catch (RuntimeException e) { // never leave the caller waiting, whatever went wrong
      answer.completeExceptionally(e);
    }
  }
}
