package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.StreamListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A provider that slows its callers down before the real one answers 429: it reads the rate-limit
 * headers of every answer, per model, and while they say the account's requests or tokens are used up,
 * holds new requests back until the provider's reset time (see {@link AdaptiveLimiter}). A 429 with a
 * {@code Retry-After} counts as no request left until then. Waiting takes no thread: requests are sent
 * from the runtime's {@link Scheduler} when their time comes.
 */
public final class AdaptiveLimitingProvider implements LlmProvider {

  private static final int CHARACTERS_PER_TOKEN = 4;

  private final LlmProvider provider;
  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Map<String, AdaptiveLimiter> byModel = new ConcurrentHashMap<>();

  public AdaptiveLimitingProvider(LlmProvider provider, Ticker ticker, Scheduler scheduler) {
    this.provider = provider;
    this.ticker = ticker;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return send(request, () -> provider.complete(request));
  }

  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return send(request, () -> provider.stream(request, listener));
  }

  /**
   * The tokens a request may count against the provider's limit: all the output it may write and its
   * input at about four characters a token. Only a guess, as the provider's tokenizer is not known here,
   * but each answer's reading corrects what a guess got wrong.
   */
  static long estimatedTokens(ChatRequest request) {
    long characters = (long) request.system().length() + request.prompt().length();
    return request.maxTokens() + (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
  }

  private CompletableFuture<Completion> send(ChatRequest request, Supplier<CompletableFuture<Completion>> sending) {
    AdaptiveLimiter limiter =
        byModel.computeIfAbsent(request.model(), model -> new AdaptiveLimiter(ticker, scheduler));
    return limiter.acquire(estimatedTokens(request)).thenCompose(ticket -> {
      CompletableFuture<Completion> answer;
      try {
        answer = sending.get();
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      return answer.whenComplete((completion, failure) -> {
        if (failure == null) {
          limiter.answered(ticket, completion.rateLimits());
        } else {
          limiter.failed(ticket, Failures.unwrap(failure));
        }
      });
    });
  }
}
