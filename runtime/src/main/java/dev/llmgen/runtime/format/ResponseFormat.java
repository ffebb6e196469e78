package dev.llmgen.runtime.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The shape of answer a call asks for, independent of any provider: each provider maps it onto its
 * own wire format (OpenAI's {@code response_format}, for instance), and the simulated model answers in
 * it.
 */
public sealed interface ResponseFormat {

  /** Free text. */
  record Text() implements ResponseFormat {}

  /** Exactly one of a fixed set of words, e.g. the constants of an enum. */
  record Choice(List<String> values) implements ResponseFormat {
    public Choice {
      values = List.copyOf(values);
    }
  }

  /** A single boolean, integer or decimal number. */
  record Scalar(ScalarKind kind) implements ResponseFormat {}

  /**
   * A JSON document matching {@code schema}. {@code name} is the schema's name as OpenAI's structured
   * outputs take it (letters, digits, {@code _} and {@code -}).
   */
  record JsonSchema(String name, ObjectNode schema) implements ResponseFormat {

    public JsonSchema {
      schema = schema.deepCopy();
    }

    /** A copy of the schema: one format is shared by every call of a method, on every thread. */
    @Override
    public ObjectNode schema() {
      return schema.deepCopy();
    }
  }

  /** The kinds of {@link Scalar}. */
  enum ScalarKind {
    BOOLEAN,
    INTEGER,
    DECIMAL
  }
}
