package dev.llmgen.runtime.provider;

/**
 * Tokens one call consumed.
 *
 * @param inputTokens every input token, cached ones included
 * @param cachedInputTokens the part of the input served from the provider's prompt cache
 * @param outputTokens tokens the model wrote
 * @param reported whether the provider reported these counts; {@code false} when llmgen counted them
 */
public record TokenUsage(int inputTokens, int cachedInputTokens, int outputTokens, boolean reported) {

  public TokenUsage {
    if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0 || cachedInputTokens > inputTokens) {
      throw new IllegalArgumentException(
          "impossible token usage: input " + inputTokens + ", cached " + cachedInputTokens + ", output "
              + outputTokens);
    }
  }

  public int uncachedInputTokens() {
    return inputTokens - cachedInputTokens;
  }

  public int totalTokens() {
    return inputTokens + outputTokens;
  }
}
