package dev.llmgen.runtime.chain;

import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.LlmProvider;

/**
 * A model one method's calls go to, resolved once when the method is bound: the id the provider is
 * asked for (after the model map), the provider that serves it, what it charges, and how its tokens
 * are counted.
 */
public record ModelBinding(
    String providerModel, LlmProvider provider, TokenPrices prices, Encoding encoding, TokenCounter tokenCounter) {

  /** The input tokens of a request, counted exactly as the provider will. */
  public int countInput(String system, String prompt) {
    return tokenCounter.countChatInput(encoding, system, prompt);
  }

  /**
   * The most a call can cost: {@code maxTokens} of output, and its input at the full input price or,
   * where the provider charges more for it, written to the prompt cache (Anthropic's cache writes).
   */
  public long worstCaseCostNanos(int inputTokens, int maxTokens) {
    return Math.max(
        prices.costNanos(inputTokens, 0, 0, maxTokens),
        prices.costNanos(0, 0, inputTokens, maxTokens));
  }
}
