package dev.llmgen.runtime.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's answer as the provider returned it, before decoding.
 *
 * @param text the answer, or {@code null} when the provider returned no text
 * @param model the model that answered, as the provider names it (often a dated snapshot)
 * @param finishReason why the model stopped, e.g. {@code stop} or {@code length}
 * @param usage the tokens consumed, or empty when the provider did not report them
 */
public record Completion(String text, String model, String finishReason, Optional<TokenUsage> usage) {

  /** The finish reason of an answer cut off at {@code maxTokens}. */
  public static final String FINISH_LENGTH = "length";

  public Completion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(usage, "usage");
  }

  public boolean truncated() {
    return FINISH_LENGTH.equals(finishReason);
  }
}
