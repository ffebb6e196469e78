package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.LlmResult;
import java.util.concurrent.CompletableFuture;

/** The rest of the call chain, as seen from a stage; the last handler calls the provider. */
@FunctionalInterface
public interface CallHandler<T> {

  CompletableFuture<LlmResult<T>> handle(Call<T> call);
}
