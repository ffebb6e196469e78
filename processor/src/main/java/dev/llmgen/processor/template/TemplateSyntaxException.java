package dev.llmgen.processor.template;

import dev.llmgen.processor.diagnostics.Message;

/** A template that cannot be parsed, with the message that tells the user how to fix it. */
public final class TemplateSyntaxException extends Exception {

  private final Message diagnostic;
  private final Object[] arguments;

  TemplateSyntaxException(Message diagnostic, Object... arguments) {
    super(diagnostic.format(arguments));
    this.diagnostic = diagnostic;
    this.arguments = arguments.clone();
  }

  public Message diagnostic() {
    return diagnostic;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
