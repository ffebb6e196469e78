package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.LlmResult;
import java.util.concurrent.CompletableFuture;

/**
 * One step in front of the provider with one job (measure the call, serve from cache, hold a budget,
 * wait for a rate limit...). A stage calls {@code next} to go on, or answers itself without it.
 * Stages are composed once per call specification, so a method without a policy has no stage for it.
 */
public interface CallStage {

  <T> CompletableFuture<LlmResult<T>> handle(Call<T> call, CallHandler<T> next);
}
