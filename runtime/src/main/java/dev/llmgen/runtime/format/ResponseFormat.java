package dev.llmgen.runtime.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

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
   * outputs take it (letters, digits, {@code _} and {@code -}). One format is shared by every call of a
   * method, on every thread, so the tree is never handed out, and its JSON text is written once, for
   * providers to put in each request as it is.
   */
  final class JsonSchema implements ResponseFormat {

    private final String name;
    private final ObjectNode schema;
    private final String schemaText;

    public JsonSchema(String name, ObjectNode schema) {
      this.name = Objects.requireNonNull(name, "name");
      this.schema = schema.deepCopy();
      this.schemaText = schema.toString();
    }

    public String name() {
      return name;
    }

    /** A copy of the schema, to read or change. */
    public ObjectNode schema() {
      return schema.deepCopy();
    }

    /** The schema as JSON text, written once. */
    public String schemaText() {
      return schemaText;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof JsonSchema that && name.equals(that.name) && schemaText.equals(that.schemaText);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, schemaText);
    }

    @Override
    public String toString() {
      return "JsonSchema[name=" + name + ", schema=" + schemaText + "]";
    }
  }

  /** The kinds of {@link Scalar}. */
  enum ScalarKind {
    BOOLEAN,
    INTEGER,
    DECIMAL
  }
}
