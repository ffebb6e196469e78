package dev.llmgen.catalog;

import java.util.Objects;

/**
 * One model of the catalog.
 *
 * @param name the model id as the provider's API takes it, e.g. {@code gpt-4o-mini}
 * @param provider who serves it, e.g. {@code openai} or {@code anthropic}
 * @param prices what it charges
 * @param contextWindow the most tokens of input and output together
 * @param tokenizer the JTokkit encoding that counts its tokens, e.g. {@code o200k_base}
 */
public record ModelEntry(
    String name, String provider, TokenPrices prices, int contextWindow, String tokenizer) {

  public ModelEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(tokenizer, "tokenizer");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a model name must not be blank");
    }
    if (contextWindow < 1) {
      throw new IllegalArgumentException(
          "the context window of " + name + " must be positive: " + contextWindow);
    }
  }
}
