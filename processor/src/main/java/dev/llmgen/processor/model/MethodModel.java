package dev.llmgen.processor.model;

import dev.llmgen.processor.template.TemplateSegment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code @LlmCall} method, validated.
 *
 * @param name the method's name
 * @param feature names the method in reports and errors, e.g. {@code SupportBot.answer}
 * @param parameters its parameters in order
 * @param model the model asked first: the one {@code @LlmCall} names, or the first of the {@code @Cascade}
 * @param prompt the user-message template, every placeholder naming a parameter
 * @param userId the {@code @UserId} parameter, if any
 * @param returnShape what it returns and how the answer is read
 * @param policies its cost controls and resilience settings
 */
public record MethodModel(
    String name,
    String feature,
    List<ParameterModel> parameters,
    String model,
    int maxTokens,
    String system,
    OptionalDouble temperature,
    List<TemplateSegment> prompt,
    Optional<ParameterModel> userId,
    ReturnShape returnShape,
    Policies policies) {

  public MethodModel {
    parameters = List.copyOf(parameters);
    prompt = List.copyOf(prompt);
  }

  /** The parameter named {@code name}; the validator guarantees it exists for every placeholder. */
  public ParameterModel parameter(String name) {
    return parameters.stream()
        .filter(parameter -> parameter.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(feature + " has no parameter " + name));
  }
}
