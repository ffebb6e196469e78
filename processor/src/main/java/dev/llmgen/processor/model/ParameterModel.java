package dev.llmgen.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A parameter of an {@code @LlmCall} method.
 *
 * @param rendering how its value goes into the prompt
 */
public record ParameterModel(String name, TypeName type, Rendering rendering) {

  /** How a value is written into a prompt. */
  public enum Rendering {
    /** Strings, primitives, their boxes and enums: as text, with Java's string conversion. */
    TEXT,
    /** Everything else: as JSON. */
    JSON
  }

  public boolean isString() {
    return type.equals(TypeName.get(String.class));
  }
}
