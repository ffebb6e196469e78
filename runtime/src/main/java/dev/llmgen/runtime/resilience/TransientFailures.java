package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmProviderException;

/**
 * Which failures may pass if the same request is sent again: the provider's retryable answers (429, 408,
 * 409, 5xx, 529), no answer at all, and timeouts. Retries are made on them and circuits count them;
 * everything else (a bad request, a refused key, a budget or rate limit of ours, an answer that does not
 * decode, an open circuit) would fail the same way again, or is no sign of the provider's health.
 */
public final class TransientFailures {

  private TransientFailures() {}

  /** Whether {@code failure}, unwrapped from its future, may pass on another request. */
  public static boolean isTransient(Throwable failure) {
    return failure instanceof LlmProviderException provider && provider.isRetryable();
  }
}
