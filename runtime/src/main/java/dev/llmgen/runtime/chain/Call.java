package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.CallSpec;

/**
 * One invocation of a service method on its way through the call chain.
 */
public final class Call<T> {

  private static final int NOT_COUNTED = -1;

  private final CallSpec<T> spec;
  private final String prompt;
  private final String userId;
  private final long startNanos;
  private int inputTokens = NOT_COUNTED;

  /**
   * @param spec the method's call specification
   * @param prompt the rendered user message
   * @param userId the {@code @UserId} argument, or {@code null} when the method has none
   * @param startNanos when the call started, by the runtime's {@link dev.llmgen.runtime.Ticker}
   */
  public Call(CallSpec<T> spec, String prompt, String userId, long startNanos) {
    this.spec = spec;
    this.prompt = prompt;
    this.userId = userId;
    this.startNanos = startNanos;
  }

  public CallSpec<T> spec() {
    return spec;
  }

  public String prompt() {
    return prompt;
  }

  public String userId() {
    return userId;
  }

  public long startNanos() {
    return startNanos;
  }

  /**
   * The request's input tokens, counted once however many stages ask (budget and rate limit both
   * do). A call passes through its stages one after another, so the count needs no lock.
   */
  public int inputTokens(ModelBinding model) {
    if (inputTokens == NOT_COUNTED) {
      inputTokens = model.countInput(spec.system(), prompt);
    }
    return inputTokens;
  }

  @Override
  public String toString() {
    return "Call[" + spec.feature() + (userId == null ? "" : " for " + userId) + "]";
  }
}
