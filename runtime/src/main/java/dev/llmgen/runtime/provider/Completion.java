package dev.llmgen.runtime.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's answer as the provider returned it, before decoding.
 *
 * @param text the answer, or {@code null} when the provider returned no text
 * @param model the model that answered, as the provider names it (often a dated snapshot)
 * @param finishReason why the model stopped, e.g. {@code stop} or {@code length}
 * @param usage the tokens consumed, or empty when the provider did not report them
 * @param tokenLogprobs the natural-log probability of each answer token, when the request asked for
 *     them and the provider returns them; empty otherwise
 * @param rateLimits the provider's rate-limit headers on this response
 */
public record Completion(
    String text, String model, String finishReason, Optional<TokenUsage> usage, List<Double> tokenLogprobs,
    RateLimitStatus rateLimits) {

  /** The finish reason of an answer cut off at {@code maxTokens}. */
  public static final String FINISH_LENGTH = "length";

  /** The finish reason of a stream its consumer cancelled: the text is what arrived before. */
  public static final String FINISH_CANCELLED = "cancelled";

  public Completion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(usage, "usage");
    tokenLogprobs = List.copyOf(tokenLogprobs);
    Objects.requireNonNull(rateLimits, "rateLimits");
  }

  /** An answer without log-probabilities or rate-limit headers. */
  public Completion(String text, String model, String finishReason, Optional<TokenUsage> usage) {
    this(text, model, finishReason, usage, List.of(), RateLimitStatus.UNKNOWN);
  }

  public boolean truncated() {
    return FINISH_LENGTH.equals(finishReason);
  }

  public boolean cancelled() {
    return FINISH_CANCELLED.equals(finishReason);
  }
}
