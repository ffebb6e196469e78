package dev.llmgen.runtime.provider.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedLogprobsTest {

  private static final ModelCatalog CATALOG = ModelCatalog.bundled();
  private static final TokenCounter TOKENS = new TokenCounter();
  private static final List<String> PROMPTS = IntStream.range(0, 1000)
      .mapToObj(i -> "Ticket " + i + ": is the refund for order " + (5000 + i) + " due?")
      .toList();

  private static SimulatedProvider provider(long seed) {
    return new SimulatedProvider(
        new SimulatedSettings(0, Map.of(), seed), CATALOG, TOKENS, Duration.ofSeconds(60));
  }

  private static ChatRequest request(String model, String prompt, boolean logprobs) {
    return new ChatRequest(model, "Answer the support ticket.", prompt, 200, OptionalDouble.empty(),
        new ResponseFormat.Text(), logprobs, Optional.empty());
  }

  private static Completion answer(SimulatedProvider provider, ChatRequest request) {
    return provider.complete(request).join();
  }

  @Test
  void theSameRequestGetsTheSameLogprobs() {
    ChatRequest request = request("gpt-4o-mini", PROMPTS.get(0), true);

    List<Double> first = answer(provider(1), request).tokenLogprobs();
    List<Double> again = answer(provider(2), request).tokenLogprobs();
    List<Double> other = answer(provider(1), request("gpt-4o-mini", PROMPTS.get(1), true)).tokenLogprobs();

    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void everyAnswerTokenHasALogprobOfAtMostZero() {
    Completion completion = answer(provider(1), request("gpt-4o", PROMPTS.get(2), true));

    assertEquals(completion.usage().orElseThrow().outputTokens(), completion.tokenLogprobs().size());
    assertTrue(completion.tokenLogprobs().stream().allMatch(logprob -> logprob <= 0), completion::toString);
    assertTrue(completion.tokenLogprobs().stream().anyMatch(logprob -> logprob < 0), completion::toString);
  }

  @Test
  void noLogprobsUnlessTheRequestAsks() {
    assertEquals(List.of(), answer(provider(1), request("gpt-4o", PROMPTS.get(2), false)).tokenLogprobs());
  }

  @Test
  void askingForLogprobsChangesNothingElse() {
    Completion with = answer(provider(1), request("gpt-4o", PROMPTS.get(3), true));
    Completion without = answer(provider(1), request("gpt-4o", PROMPTS.get(3), false));

    assertEquals(without.text(), with.text());
    assertEquals(without.usage(), with.usage());
  }

  @Test
  void dearerModelsAreSurerOfThemselves() {
    double nano = unsureShare("gpt-5-nano");
    double mini = unsureShare("gpt-4o-mini");
    double full = unsureShare("gpt-4o");
    double o1 = unsureShare("o1");

    assertTrue(mini >= 0.25 && mini <= 0.35, "gpt-4o-mini: " + mini);
    assertTrue(full < 0.05, "gpt-4o: " + full);
    assertTrue(nano > mini && full > o1, "nano " + nano + ", mini " + mini + ", 4o " + full + ", o1 " + o1);
  }

  /** The share of answers whose mean token probability, exp of the mean logprob, is below 0.8. */
  private static double unsureShare(String model) {
    SimulatedProvider provider = provider(1);
    long unsure = PROMPTS.stream()
        .map(prompt -> answer(provider, request(model, prompt, true)).tokenLogprobs())
        .filter(logprobs -> Math.exp(logprobs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) < 0.8)
        .count();
    return (double) unsure / PROMPTS.size();
  }
}
