package dev.llmgen.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** The kinds of answer a method can ask for; each has one runtime {@code OutputFormat}. */
public sealed interface AnswerType {

  /** The answer's type as a type argument, e.g. {@code Integer} for {@code int}. */
  TypeName boxedType();

  record Text() implements AnswerType {
    @Override
    public TypeName boxedType() {
      return ClassName.get(String.class);
    }
  }

  record Choice(ClassName enumType) implements AnswerType {
    @Override
    public TypeName boxedType() {
      return enumType;
    }
  }

  record Scalar(ScalarKind kind) implements AnswerType {
    @Override
    public TypeName boxedType() {
      return kind.boxedType();
    }
  }

  /**
   * A record or Jackson-compatible class, read from JSON.
   *
   * @param schemaName the schema's name for the provider, e.g. {@code TicketFields}
   * @param schemaJson its JSON schema, computed at compile time
   */
  record Structured(ClassName type, String schemaName, String schemaJson) implements AnswerType {
    @Override
    public TypeName boxedType() {
      return type;
    }
  }

  /** The scalar answers, by their boxed type. */
  enum ScalarKind {
    BOOLEAN(Boolean.class),
    INT(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class);

    private final Class<?> boxed;

    ScalarKind(Class<?> boxed) {
      this.boxed = boxed;
    }

    public TypeName boxedType() {
      return ClassName.get(boxed);
    }

    public String boxedName() {
      return boxed.getName();
    }
  }
}
