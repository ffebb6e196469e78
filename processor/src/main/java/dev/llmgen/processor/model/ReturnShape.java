package dev.llmgen.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * What an {@code @LlmCall} method returns: an answer type, and how it is delivered.
 *
 * @param declaredType the return type as the method declares it
 * @param answer the answer inside the wrappers; text for a stream
 * @param delivery how the answer reaches the caller
 */
public record ReturnShape(TypeName declaredType, AnswerType answer, Delivery delivery) {

  /** The wrappers around the answer, each served by one entry point of the runtime. */
  public enum Delivery {
    /** {@code T}. */
    VALUE,
    /** {@code LlmResult<T>}. */
    RESULT,
    /** {@code CompletableFuture<T>}. */
    FUTURE,
    /** {@code CompletableFuture<LlmResult<T>>}. */
    FUTURE_RESULT,
    /** {@code Flow.Publisher<String>} or {@code TokenStream}: the text as the model writes it. */
    STREAM
  }

  public boolean streamed() {
    return delivery == Delivery.STREAM;
  }
}
