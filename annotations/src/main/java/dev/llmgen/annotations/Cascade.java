package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks cheap models first and stronger ones only when needed. The models are tried in order; each
 * answer is scored by the {@link #scorer()}, and the first whose score reaches the
 * {@link #threshold()} is returned. When none does, the best-scoring answer is returned, or the call
 * fails if {@link #failBelowThreshold()} says so. Every attempt is paid for, budgeted and reported:
 * {@code LlmResult.attempts()} lists each model asked, its score and its cost.
 *
 * <pre>{@code
 * @LlmCall(maxTokens = 300, prompt = "Extract the order from: {email}")
 * @Cascade(models = {"gpt-4o-mini", "gpt-4o"}, threshold = 0.8, scorer = ConfidenceScorer.class)
 * Order extract(String email);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cascade {

  /** At least two models from the model catalog, cheapest first. */
  String[] models();

  /** The score, in (0, 1], an answer needs to be accepted. */
  double threshold() default 0.8;

  /**
   * The class that scores answers: a class implementing {@code dev.llmgen.runtime.cascade.AnswerScorer}
   * that Guice can construct. By default ({@code void.class}) {@code DecodesScorer}: the answer must
   * decode into the return type and not be cut off at {@code maxTokens}.
   */
  Class<?> scorer() default void.class;

  /** Whether to fail with {@code CascadeExhaustedException} instead of returning the best answer below the threshold. */
  boolean failBelowThreshold() default false;
}
