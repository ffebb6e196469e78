package dev.llmgen.runtime.resilience;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.ScriptedProvider.Reply;
import dev.llmgen.runtime.ScriptedProvider;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.ProviderCall;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.StreamListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls through stages to a real {@link ProviderCall} on a {@link ScriptedProvider}, with one fake time
 * for the ticker, the scheduler and the clock.
 */
final class ResilientCalls {

  static final String FEATURE = "SupportDesk.answer";
  static final String MODEL = "gpt-test";
  static final String PROMPT = "Where is my parcel?";
  static final Reply OK = ScriptedProvider.answer(new Completion("ok", MODEL, "stop", Optional.empty()));

  private static final TokenCounter TOKENS = new TokenCounter();

  final FakeTicker ticker = new FakeTicker();
  final FakeScheduler scheduler = new FakeScheduler(ticker);
  final Clock clock = new TickerClock(ticker);
  final ScriptedProvider provider = new ScriptedProvider();
  final ModelBinding model = model(MODEL, provider);

  static CallSpec<String> spec(String feature) {
    return CallSpec.builder(feature, MODEL, 50, OutputFormat.text()).build();
  }

  static ModelBinding model(String name, LlmProvider provider) {
    return new ModelBinding(
        name, provider, TokenPrices.FREE, TOKENS.encoding(TokenCounter.DEFAULT_TOKENIZER), TOKENS);
  }

  /** What a provider raises for an HTTP error status that came with a {@code Retry-After}. */
  static LlmProviderException status(int statusCode, Duration retryAfter) {
    return new LlmProviderException(
        "HTTP " + statusCode, "scripted", MODEL, statusCode, null, "", retryAfter, null);
  }

  /** Queues {@code replies} for the next requests to {@link #MODEL}, in order. */
  ResilientCalls reply(Reply... replies) {
    for (Reply reply : replies) {
      provider.then(MODEL, reply);
    }
    return this;
  }

  int requests() {
    return provider.requests().size();
  }

  /** A call through {@code stages}, the outermost first, to {@link #model}'s provider. */
  <T> CompletableFuture<LlmResult<T>> call(CallSpec<T> spec, CallStage... stages) {
    return call(spec, model, stages);
  }

  <T> CompletableFuture<LlmResult<T>> call(CallSpec<T> spec, ModelBinding model, CallStage... stages) {
    return chain(spec, model, stages).handle(new Call<>(spec, PROMPT, null, ticker, ticker.nanoTime()));
  }

  CompletableFuture<LlmResult<String>> stream(CallSpec<String> spec, StreamListener listener, CallStage... stages) {
    return chain(spec, model, stages).handle(Call.streaming(spec, PROMPT, null, ticker, ticker.nanoTime(), listener));
  }

  void advance(Duration duration) {
    scheduler.advance(duration);
  }

  /** Whether the call has ended with an answer. */
  static boolean answered(CompletableFuture<?> call) {
    return call.isDone() && !call.isCompletedExceptionally();
  }

  /** The failure the call ended with, as the chain raised it. */
  static Throwable failure(CompletableFuture<?> call) {
    assertTrue(call.isDone(), "the call should have ended");
    return Failures.unwrap(assertThrows(CompletionException.class, call::join));
  }

  private <T> CallHandler<T> chain(CallSpec<T> spec, ModelBinding model, CallStage... stages) {
    CallHandler<T> chain = new ProviderCall<>(spec, model, false);
    for (int i = stages.length - 1; i >= 0; i--) {
      CallStage stage = stages[i];
      CallHandler<T> next = chain;
      chain = call -> stage.handle(call, next);
    }
    return chain;
  }
}
