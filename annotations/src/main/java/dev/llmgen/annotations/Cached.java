package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers repeated calls of an {@link LlmCall} method from memory: a call identical to an earlier one
 * in everything that shapes the answer (model, system prompt, rendered prompt, token limit,
 * temperature, answer format) costs nothing and takes no rate-limit permit. Identical calls in flight
 * at the same moment make one provider call. Only answers that decoded are kept; errors never are.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cached {

  /** How long an answer is kept after it was written: {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d} or ISO-8601. */
  String ttl();

  /** The most answers kept for this method; when it is full, those least likely to be asked again go. */
  long maxEntries() default 10_000;

  /** Who may be served an answer. */
  Scope scope() default Scope.GLOBAL;

  /** Who shares cached answers. */
  enum Scope {
    /** Every caller: the answer depends on the prompt alone. */
    GLOBAL,
    /** Only the same {@link UserId}: one user's answers are never served to another. */
    USER
  }
}
