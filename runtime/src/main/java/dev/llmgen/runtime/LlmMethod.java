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

  private static final long NOT_RENDERED = -1;

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

  /**
   * The time now, by the runtime's ticker. Generated code reads it before it renders the prompt and passes
   * it to the call, so that rendering is timed and counted in the call's latency.
   */
  public long startNanos() {
    return ticker.nanoTime();
  }

  /** Calls the model and waits for the decoded answer. */
  public T call(String prompt, String userId) {
    return callForResult(prompt, userId).value();
  }

  /** {@link #call(String, String)} for a prompt whose rendering began at {@code renderingStarted}. */
  public T call(long renderingStarted, String prompt, String userId) {
    return callForResult(renderingStarted, prompt, userId).value();
  }

  /** Calls the model and waits for the answer with its tokens, cost and latency. */
  public LlmResult<T> callForResult(String prompt, String userId) {
    return await(callForResultAsync(prompt, userId));
  }

  /** {@link #callForResult(String, String)} for a prompt whose rendering began at {@code renderingStarted}. */
  public LlmResult<T> callForResult(long renderingStarted, String prompt, String userId) {
    return await(callForResultAsync(renderingStarted, prompt, userId));
  }

  /** Calls the model without blocking. */
  public CompletableFuture<T> callAsync(String prompt, String userId) {
    return callForResultAsync(prompt, userId).thenApply(LlmResult::value);
  }

  /** {@link #callAsync(String, String)} for a prompt whose rendering began at {@code renderingStarted}. */
  public CompletableFuture<T> callAsync(long renderingStarted, String prompt, String userId) {
    return callForResultAsync(renderingStarted, prompt, userId).thenApply(LlmResult::value);
  }

  /** Calls the model without blocking; the future holds the answer with its tokens, cost and latency. */
  public CompletableFuture<LlmResult<T>> callForResultAsync(String prompt, String userId) {
    return handle(new Call<>(spec, prompt, userId, ticker, ticker.nanoTime()));
  }

  /** {@link #callForResultAsync(String, String)} for a prompt whose rendering began at {@code renderingStarted}. */
  public CompletableFuture<LlmResult<T>> callForResultAsync(long renderingStarted, String prompt, String userId) {
    return handle(rendered(new Call<>(spec, prompt, userId, ticker, renderingStarted)));
  }

  /**
   * Streams the answer: nothing is sent until the returned stream is subscribed to, and cancelling the
   * subscription stops the model. Only for methods that answer in free text.
   */
  public TokenStream stream(String prompt, String userId) {
    return stream(prompt, userId, NOT_RENDERED);
  }

  /**
   * {@link #stream(String, String)} for a prompt whose rendering began at {@code renderingStarted}; the
   * call is timed from its subscription, with the rendering's time added in front.
   */
  public TokenStream stream(long renderingStarted, String prompt, String userId) {
    return stream(prompt, userId, ticker.nanoTime() - renderingStarted);
  }

  private TokenStream stream(String prompt, String userId, long renderingNanos) {
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
      long subscribed = ticker.nanoTime();
      if (renderingNanos == NOT_RENDERED) {
        return text.handle(Call.streaming(text.spec, prompt, userId, ticker, subscribed, listener));
      }
      return text.handle(rendered(Call.streaming(text.spec, prompt, userId, ticker, subscribed - renderingNanos,
          listener)));
    });
  }

  /** {@code call}, whose prompt was rendered from its start until now. */
  private static <C> Call<C> rendered(Call<C> call) {
    call.stageEnded(TimedStage.RENDERING, call.startNanos());
    return call;
  }

  private CompletableFuture<LlmResult<T>> handle(Call<T> call) {
    try {
      return chain.handle(call);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
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
