package dev.llmgen.runtime.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.pricing.TokenCounter;
import org.junit.jupiter.api.Test;

/** The worst case a budget reserves for a call. */
class ModelBindingTest {

  private static final TokenCounter TOKENS = new TokenCounter();

  private static ModelBinding model(String name) {
    return model(ModelCatalog.bundled().find(name).orElseThrow().prices());
  }

  private static ModelBinding model(TokenPrices prices) {
    return new ModelBinding("some-model", null, prices, TOKENS.encoding(TokenCounter.DEFAULT_TOKENIZER), TOKENS);
  }

  @Test
  void anAnthropicModelsWorstCaseWritesTheWholeInputToThePromptCache() {
    // claude-sonnet-4: $3/M input, $3.75/M cache writes, $15/M output
    assertEquals(1_000 * 3_750 + 100 * 15_000, model("claude-sonnet-4").worstCaseCostNanos(1_000, 100));
  }

  @Test
  void aModelWithoutCacheWritePricesPaysTheInputPrice() {
    // gpt-4o: $2.50/M input, $10/M output
    assertEquals(1_000 * 2_500 + 100 * 10_000, model("gpt-4o").worstCaseCostNanos(1_000, 100));
  }

  @Test
  void aCacheWriteCheaperThanInputDoesNotLowerTheWorstCase() {
    ModelBinding model = model(TokenPrices.ofUsdPerMillion("2", "0.5", "1", "8"));

    assertEquals(1_000 * 2_000 + 100 * 8_000, model.worstCaseCostNanos(1_000, 100));
  }

  @Test
  void theWorstCaseIsRoundedUpToTheNanodollar() {
    ModelBinding model = model(TokenPrices.ofUsdPerMillion("0.15", "0", "0.1875", "0.6"));

    // 3 × 187.5 + 1 × 600 = 1162.5
    assertEquals(1_163, model.worstCaseCostNanos(3, 1));
  }
}
