package dev.llmgen.runtime.cascade;

import dev.llmgen.runtime.CallSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's answer in a cascade, as a scorer sees it.
 *
 * @param spec the method asked
 * @param prompt the rendered user message
 * @param userId the {@code @UserId} argument, or {@code null} when the method has none: a scorer that
 *     calls a model (an LLM judge) makes its call for this user, charged to the user's budget and costs
 * @param model the model that answered, as the provider was asked for it
 * @param text the answer as the model wrote it; empty when it wrote none
 * @param value the answer decoded into the method's return type; empty when it does not decode
 * @param truncated whether the answer was cut off at {@code maxTokens}
 * @param tokenLogprobs the natural-log probability of each answer token, when the provider returned them
 */
public record Candidate<T>(
    CallSpec<T> spec, String prompt, String userId, String model, String text, Optional<T> value, boolean truncated,
    List<Double> tokenLogprobs) {

  public Candidate {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    tokenLogprobs = List.copyOf(tokenLogprobs);
  }

  public boolean decoded() {
    return value.isPresent();
  }

  /**
   * The score 0 of an answer no scorer can accept, with why: it does not decode into the return type,
   * or it was cut off at {@code maxTokens}. Empty for an answer worth scoring.
   */
  public Optional<Score> unusable() {
    if (!decoded()) {
      return Optional.of(Score.of(0, "does not decode"));
    }
    return truncated ? Optional.of(Score.of(0, "cut off at maxTokens")) : Optional.empty();
  }

  @Override
  public String toString() { // the answer may be long or sensitive: reports show its size only
    return "Candidate[" + spec.feature() + " by " + model + ", " + text.length() + " chars"
        + (decoded() ? "" : ", not decoded") + (truncated ? ", truncated" : "") + "]";
  }
}
