package dev.llmgen.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * What an {@code @LlmCall} method returns: an answer type, possibly inside {@code LlmResult<T>},
 * possibly inside {@code CompletableFuture<T>}.
 *
 * @param declaredType the return type as the method declares it
 * @param answer the answer inside the wrappers
 * @param withResult whether the answer comes inside {@code LlmResult<T>}
 * @param async whether it comes inside {@code CompletableFuture<T>}
 */
public record ReturnShape(TypeName declaredType, AnswerType answer, boolean withResult, boolean async) {}
