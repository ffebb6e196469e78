package dev.llmgen.processor.template;

/** A piece of a parsed template: literal text, or a placeholder for a parameter. */
public sealed interface TemplateSegment {

  /** Text sent as written, with {@code {{}} and {@code }}} already turned into single braces. */
  record Literal(String text) implements TemplateSegment {}

  /**
   * {@code {name}}.
   *
   * @param position where the placeholder's opening brace stands in the template, from 0
   */
  record Placeholder(String name, int position) implements TemplateSegment {}
}
