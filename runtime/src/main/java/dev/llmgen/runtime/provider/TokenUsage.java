package dev.llmgen.runtime.provider;

/**
 * Tokens one call consumed.
 *
 * @param inputTokens every input token, cached and cache-written ones included
 * @param cachedInputTokens the part of the input read from the provider's prompt cache
 * @param cacheWriteTokens the part of the input written to the provider's prompt cache (Anthropic
 *     bills these above the input price); 0 for providers that do not charge them apart
 * @param outputTokens tokens the model wrote
 * @param reported whether the provider reported these counts; {@code false} when llmgen counted them
 */
public record TokenUsage(
    int inputTokens, int cachedInputTokens, int cacheWriteTokens, int outputTokens, boolean reported) {

  public TokenUsage {
    if (inputTokens < 0 || cachedInputTokens < 0 || cacheWriteTokens < 0 || outputTokens < 0
        || (long) cachedInputTokens + cacheWriteTokens > inputTokens) {
      throw new IllegalArgumentException(
          "impossible token usage: input " + inputTokens + ", cached " + cachedInputTokens + ", cache write "
              + cacheWriteTokens + ", output " + outputTokens);
    }
  }

  /** Usage without prompt-cache writes, as every provider but Anthropic reports it. */
  public TokenUsage(int inputTokens, int cachedInputTokens, int outputTokens, boolean reported) {
    this(inputTokens, cachedInputTokens, 0, outputTokens, reported);
  }

  /** Input tokens billed at the full input price: neither read from nor written to the prompt cache. */
  public int uncachedInputTokens() {
    return inputTokens - cachedInputTokens - cacheWriteTokens;
  }
}
