package dev.llmgen.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RateLimitStagesTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RateLimitStages stages = new RateLimitStages(ticker, new FakeScheduler(ticker));

  @Test
  void aMethodWithoutRateLimitGetsNoStage() {
    CallSpec<String> spec = CallSpec.builder("Bot.greet", "gpt-4o-mini", 10, OutputFormat.text()).build();

    assertEquals(Optional.empty(), stages.stageFor(spec, null));
  }

  @Test
  void aMethodBoundTwiceKeepsOneLimit() {
    CallSpec<String> spec = CallSpec.builder("Bot.greet", "gpt-4o-mini", 10, OutputFormat.text())
        .rateLimit(new RateLimitPolicy(1, RateLimitPolicy.NO_LIMIT, false, Duration.ZERO))
        .build();
    CallStage first = stages.stageFor(spec, binding("gpt-4o-mini")).orElseThrow();
    CallStage second = stages.stageFor(spec, binding("gpt-4o-mini")).orElseThrow();

    first.handle(new Call<>(spec, "Hi", null, ticker, ticker.nanoTime()), ANSWER).join();
    CompletableFuture<LlmResult<String>> refused = second.handle(new Call<>(spec, "Hi", null, ticker, ticker.nanoTime()), ANSWER);

    assertInstanceOf(RateLimitedException.class, Failures.unwrap(assertThrows(CompletionException.class, refused::join)));
    assertEquals(new RateLimitStatistics(1, 0, Duration.ZERO, 1), stages.statistics().get("Bot.greet"));
  }

  @Test
  void eachModelOfAMethodCountsItsTokensWithItsOwnTokenizer() {
    String prompt = "東京の天気はどうですか？明日の予報を教えてください。";
    ModelBinding openAi = binding("gpt-4o-mini"); // o200k_base
    ModelBinding claude = binding("claude-sonnet-4-5"); // counted with cl100k_base
    int openAiTokens = openAi.countInput("", prompt);
    int claudeTokens = claude.countInput("", prompt);
    assertTrue(claudeTokens > openAiTokens, claudeTokens + " vs " + openAiTokens);
    // One token short of the Claude request, counted as Claude counts it; o200k would find it room.
    CallSpec<String> spec = CallSpec.builder("Bot.ask", "gpt-4o-mini", 10, OutputFormat.text())
        .fallbackModels("claude-sonnet-4-5")
        .rateLimit(new RateLimitPolicy(RateLimitPolicy.NO_LIMIT, claudeTokens + 10 - 1, false, Duration.ZERO))
        .build();
    CallStage openAiStage = stages.stageFor(spec, openAi).orElseThrow();
    CallStage claudeStage = stages.stageFor(spec, claude).orElseThrow();

    CompletableFuture<LlmResult<String>> claudeTurn =
        claudeStage.handle(new Call<>(spec, prompt, null, ticker, ticker.nanoTime()), ANSWER);
    CompletableFuture<LlmResult<String>> openAiTurn =
        openAiStage.handle(new Call<>(spec, prompt, null, ticker, ticker.nanoTime()), ANSWER);

    assertInstanceOf(RateLimitedException.class,
        Failures.unwrap(assertThrows(CompletionException.class, claudeTurn::join)));
    assertEquals("ok", openAiTurn.join().value());
  }

  private static final CallHandler<String> ANSWER = call -> CompletableFuture.completedFuture(
      LlmResult.answered("ok", "m", "fake", 1, 0, 0, 0, 0, Duration.ZERO));

  private static ModelBinding binding(String model) {
    ModelEntry entry = ModelCatalog.bundled().find(model).orElseThrow();
    return new ModelBinding(entry.name(), null, entry.prices(), TOKENS.encoding(entry.tokenizer()), TOKENS);
  }

  private static final TokenCounter TOKENS = new TokenCounter();
}
