package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.CallSpec;

/**
 * One invocation of a service method on its way through the call chain.
 *
 * @param spec the method's call specification
 * @param prompt the rendered user message
 * @param userId the {@code @UserId} argument, or {@code null} when the method has none
 * @param startNanos when the call started, by the runtime's {@link dev.llmgen.runtime.Ticker}
 */
public record Call<T>(CallSpec<T> spec, String prompt, String userId, long startNanos) {}
