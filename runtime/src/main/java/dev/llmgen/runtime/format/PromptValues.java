package dev.llmgen.runtime.format;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Renders template arguments that are not strings, primitives or enums: as JSON. */
public final class PromptValues {

  private PromptValues() {}

  /** {@code value} as compact JSON; {@code null} renders as {@code null}. */
  public static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot render a " + value.getClass().getName() + " as JSON for the prompt: "
              + e.getOriginalMessage(), e);
    }
  }
}
