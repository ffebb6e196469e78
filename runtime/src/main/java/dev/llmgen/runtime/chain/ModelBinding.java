package dev.llmgen.runtime.chain;

import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.pricing.TokenCounter;

/**
 * The model one method's calls go to, resolved once when the method is bound: the id the provider is
 * asked for (after the model map), what it charges, and how its tokens are counted.
 */
public record ModelBinding(String providerModel, TokenPrices prices, Encoding encoding, TokenCounter tokenCounter) {

  /** The input tokens of a request, counted exactly as the provider will. */
  public int countInput(String system, String prompt) {
    return tokenCounter.countChatInput(encoding, system, prompt);
  }

  /** The most a call can cost: its input at the full input price and {@code maxTokens} of output. */
  public long worstCaseCostNanos(int inputTokens, int maxTokens) {
    return prices.costNanos(inputTokens, 0, 0, maxTokens);
  }
}
