package dev.llmgen.runtime;

import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.format.ResponseFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A service method bound to the runtime: its call chain, composed once. Generated code holds one per
 * method and hands it the rendered prompt; the four entry points differ only in what they return.
 */
public final class LlmMethod<T> {

  private final CallSpec<T> spec;
  private final CallHandler<T> chain;
  private final Ticker ticker;

  LlmMethod(CallSpec<T> spec, CallHandler<T> chain, Ticker ticker) {
    this.spec = spec;
    this.chain = chain;
    this.ticker = ticker;
  }

  public CallSpec<T> spec() {
    return spec;
  }

  /** Calls the model and waits for the decoded answer. */
  public T call(String prompt, String userId) {
    return callForResult(prompt, userId).value();
  }

  /** Calls the model and waits for the answer with its tokens, cost and latency. */
  public LlmResult<T> callForResult(String prompt, String userId) {
    return await(callForResultAsync(prompt, userId));
  }

  /** Calls the model without blocking. */
  public CompletableFuture<T> callAsync(String prompt, String userId) {
    return callForResultAsync(prompt, userId).thenApply(LlmResult::value);
  }

  /** Calls the model without blocking; the future holds the answer with its tokens, cost and latency. */
  public CompletableFuture<LlmResult<T>> callForResultAsync(String prompt, String userId) {
    try {
      return chain.handle(new Call<>(spec, prompt, userId, ticker.nanoTime()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Streams the answer: nothing is sent until the returned stream is subscribed to, and cancelling the
   * subscription stops the model. Only for methods that answer in free text.
   */
  public TokenStream stream(String prompt, String userId) {
    if (!(spec.outputFormat().responseFormat() instanceof ResponseFormat.Text)) {
      throw new IllegalStateException(spec.feature() + " answers in " + spec.outputFormat().expected()
          + ", which cannot be streamed; only free-text answers can");
    }
    if (spec.cache().isPresent() || spec.cascade().isPresent()) { // the compiler rejects both on streaming methods
      throw new IllegalStateException(spec.feature() + " has a @Cached or @Cascade, which cannot stream: a cache"
          + " cannot replay a stream, and a cascade must see the whole answer to score it");
    }
    @SuppressWarnings("unchecked") // checked above: a free-text method's answers are strings
    LlmMethod<String> text = (LlmMethod<String>) this;
    return new TokenStream(listener -> {
      try {
        return text.chain.handle(Call.streaming(text.spec, prompt, userId, ticker.nanoTime(), listener));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  /** The future's value, with its failure rethrown as the exception the chain raised. */
  private LlmResult<T> await(CompletableFuture<LlmResult<T>> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException(spec.feature() + " was interrupted while waiting for the model");
    }
  }

  private static RuntimeException rethrowable(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof RuntimeException runtimeException) {
      return runtimeException;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
