package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Models to answer when the method's own cannot: its circuit breaker is open, or its retries are
 * exhausted. They are tried in order, each with its own retries; {@code LlmResult.attempts()} says
 * which answered and why the others did not.
 *
 * <pre>{@code
 * @LlmCall(model = "claude-sonnet-4-5", maxTokens = 400, prompt = "...")
 * @Fallback({"gpt-4o"})
 * String draft(String ticket);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Fallback {

  /** Models from the model catalog, in the order they are tried. */
  String[] value();
}
