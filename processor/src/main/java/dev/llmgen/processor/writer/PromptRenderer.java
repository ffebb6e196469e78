package dev.llmgen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.llmgen.processor.model.MethodModel;
import dev.llmgen.processor.model.ParameterModel;
import dev.llmgen.processor.template.TemplateSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the expression that renders a prompt: literal segments and arguments joined with {@code +},
 * which {@code javac} compiles to a single string concatenation. No template is parsed at run time.
 */
final class PromptRenderer {

  private static final ClassName PROMPT_VALUES = ClassName.get("dev.llmgen.runtime.format", "PromptValues");

  CodeBlock render(MethodModel method) {
    List<CodeBlock> parts = new ArrayList<>();
    for (TemplateSegment segment : method.prompt()) {
      if (segment instanceof TemplateSegment.Literal literal) {
        parts.add(CodeBlock.of("$S", literal.text()));
      } else {
        ParameterModel parameter = method.parameter(((TemplateSegment.Placeholder) segment).name());
        parts.add(argument(parameter, parts.isEmpty(), method.prompt().size() == 1));
      }
    }
    return CodeBlock.join(parts, " + ");
  }

  /**
   * One argument as text. The first part of the expression must be a String, or {@code +} would add
   * numbers instead of joining text; an argument alone is converted so that {@code null} renders as
   * {@code "null"}, as it does inside a concatenation.
   */
  private static CodeBlock argument(ParameterModel parameter, boolean first, boolean alone) {
    return switch (parameter.rendering()) {
      case JSON -> CodeBlock.of("$T.json($N)", PROMPT_VALUES, parameter.name());
      case TEXT -> (first && !parameter.isString()) || alone
          ? CodeBlock.of("$T.valueOf($N)", String.class, parameter.name())
          : CodeBlock.of("$N", parameter.name());
    };
  }
}
