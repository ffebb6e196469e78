package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long one request of an {@link LlmCall} method may take, from sending it to the last byte of the
 * answer, instead of the configured {@code LLMGEN_TIMEOUT}. A request that times out is retried like
 * any other transient failure (see {@link Retry}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Timeout {

  /** {@code 500ms}, {@code 20s}, {@code 2m} or ISO-8601. */
  String value();
}
