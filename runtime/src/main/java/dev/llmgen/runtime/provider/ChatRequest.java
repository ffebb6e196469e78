package dev.llmgen.runtime.provider;

import dev.llmgen.runtime.format.ResponseFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One request to a model: an optional system message, the user message, and the limits.
 *
 * @param model the model id as the provider takes it (after the model map)
 * @param system the system message, or empty for none; the same for every call of a method, which
 *     is what lets providers cache it
 * @param prompt the user message
 * @param maxTokens the most tokens the answer may have
 * @param temperature the sampling temperature, or empty for the provider's default
 * @param responseFormat the shape of answer asked for
 * @param logprobs whether to ask for the log-probability of each answer token (for confidence scores)
 * @param timeout how long this request may take, or empty for the provider's own timeout
 */
public record ChatRequest(
    String model, String system, String prompt, int maxTokens, OptionalDouble temperature,
    ResponseFormat responseFormat, boolean logprobs, Optional<Duration> timeout) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(responseFormat, "responseFormat");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** A request without log-probabilities, under the provider's own timeout. */
  public ChatRequest(
      String model, String system, String prompt, int maxTokens, OptionalDouble temperature,
      ResponseFormat responseFormat) {
    this(model, system, prompt, maxTokens, temperature, responseFormat, false, Optional.empty());
  }

  public boolean hasSystem() {
    return !system.isEmpty();
  }
}
