package dev.llmgen.runtime;

import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * An answer with everything known about the call that produced it. Declare a method's return type as
 * {@code LlmResult<T>} (or {@code CompletableFuture<LlmResult<T>>}) to receive it.
 *
 * @param value the decoded answer
 * @param model the model that answered, as the provider was asked for it (after the model map)
 * @param provider who served it, e.g. {@code openai} or {@code simulated}
 * @param inputTokens input tokens, cached ones included
 * @param outputTokens tokens the model wrote
 * @param cachedInputTokens input tokens served from the provider's prompt cache
 * @param costNanos what the call cost, in nanodollars (10<sup>-9</sup> USD), from the model catalog
 * @param latency from the call to the decoded answer
 * @param fromCache whether the answer came from llmgen's response cache rather than the provider
 */
public record LlmResult<T>(
    T value,
    String model,
    String provider,
    int inputTokens,
    int outputTokens,
    int cachedInputTokens,
    long costNanos,
    Duration latency,
    boolean fromCache) {

  public LlmResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(latency, "latency");
  }

  /** The cost in US dollars, exact to the nanodollar. */
  public BigDecimal costUsd() {
    return Usd.fromNanos(costNanos);
  }

  public int totalTokens() {
    return inputTokens + outputTokens;
  }
}
