package dev.llmgen.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A streamed answer: a {@link Flow.Publisher} of the pieces of text as the model writes them, and the
 * {@link #result()} of the whole call once it ends. Declare a method's return type as
 * {@code Flow.Publisher<String>} or {@code TokenStream}.
 */
public final class TokenStream implements Flow.Publisher<String> {

  TokenStream() {}

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    throw new UnsupportedOperationException("streaming is being built");
  }

  /** The whole answer with its tokens and cost, once the stream has ended or been cancelled. */
  public CompletableFuture<LlmResult<String>> result() {
    throw new UnsupportedOperationException("streaming is being built");
  }
}
