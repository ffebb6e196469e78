package dev.llmgen.runtime.budget;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import java.time.Duration;

/** Models, specifications, calls and answers for budget tests. */
final class BudgetCalls {

  static final String FEATURE = "SupportDesk.draftReply";
  /** Output at $10 per million tokens: each token of {@code maxTokens} is 10,000 nanodollars. */
  static final long NANOS_PER_OUTPUT_TOKEN = 10_000;

  private static final TokenCounter TOKENS = new TokenCounter();

  private BudgetCalls() {}

  /** A model whose input is free, so that a call's worst case is {@code maxTokens × $0.00001}. */
  static ModelBinding outputPricedModel() {
    return model(TokenPrices.ofUsdPerMillion("0", "0", "0", "10"));
  }

  static ModelBinding model(TokenPrices prices) {
    return new ModelBinding("gpt-test", null, prices, TOKENS.encoding(TokenCounter.DEFAULT_TOKENIZER), TOKENS);
  }

  /** A method of {@link #FEATURE} whose worst case on {@link #outputPricedModel()} is {@code worstCaseNanos}. */
  static CallSpec<String> costingUpTo(long worstCaseNanos) {
    return spec(FEATURE, (int) (worstCaseNanos / NANOS_PER_OUTPUT_TOKEN));
  }

  static CallSpec<String> spec(String feature, int maxTokens) {
    return CallSpec.builder(feature, "gpt-test", maxTokens, OutputFormat.text()).build();
  }

  static Call<String> call(CallSpec<String> spec, String user) {
    return new Call<>(spec, "Hello", user, Ticker.system(), 0);
  }

  static LlmResult<String> answer(long costNanos) {
    return LlmResult.answered("Hi", "gpt-test", "fake", 1, 10, 5, 0, costNanos, Duration.ZERO);
  }
}
