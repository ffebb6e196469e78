package dev.llmgen.runtime.provider;

import dev.llmgen.runtime.format.ResponseFormat;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One request to a model: an optional system message, the user message, and the limits.
 *
 * @param model the model id as the provider takes it (after the model map)
 * @param system the system message, or empty for none
 * @param prompt the user message
 * @param maxTokens the most tokens the answer may have
 * @param temperature the sampling temperature, or empty for the provider's default
 * @param responseFormat the shape of answer asked for
 */
public record ChatRequest(
    String model, String system, String prompt, int maxTokens, OptionalDouble temperature,
    ResponseFormat responseFormat) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(responseFormat, "responseFormat");
  }

  public boolean hasSystem() {
    return !system.isEmpty();
  }
}
