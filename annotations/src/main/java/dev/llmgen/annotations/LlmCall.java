package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method as a call to a language model. The llmgen annotation processor writes the
 * implementation at compile time: the prompt template is checked against the method's parameters, the
 * return type decides the answer format, and every mistake is a compile error on this method.
 *
 * <pre>{@code
 * public interface SupportBot {
 *   @LlmCall(model = "gpt-4o-mini", maxTokens = 200, prompt = "Answer briefly: {question}")
 *   String answer(String question, @UserId String user);
 * }
 * }</pre>
 *
 * <p>Templates: {@code {name}} is replaced by the parameter {@code name}; {@code {{}} and {@code }}}
 * stand for literal braces. Strings, primitives and enums render as text, other objects as JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LlmCall {

  /** The value of {@link #temperature()} that leaves the temperature to the provider's default. */
  double PROVIDER_DEFAULT_TEMPERATURE = Double.NaN;

  /**
   * The model to call, as named in the model catalog, e.g. {@code "gpt-4o-mini"}. Leave it out on a
   * method with {@link Cascade}, whose models are named there.
   */
  String model() default "";

  /** The most tokens the model may write in its answer; also the bound used for worst-case cost. */
  int maxTokens();

  /** The user message, with {@code {parameter}} placeholders. */
  String prompt();

  /** An optional system message. It may not contain placeholders. */
  String system() default "";

  /** Sampling temperature in [0, 2]; by default the provider's own default. */
  double temperature() default PROVIDER_DEFAULT_TEMPERATURE;
}
