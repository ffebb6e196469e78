package dev.llmgen.runtime.ratelimit;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@code @RateLimited} method on a fake clock, in front of a provider that records when each call
 * reached it and with how many tokens.
 */
final class RateLimitedMethod {

  static final String FEATURE = "Support.answer";
  static final int MAX_TOKENS = 50;
  static final String SYSTEM = "Be brief.";
  static final Duration MINUTE = Duration.ofMinutes(1);

  /** A call the provider received: {@code at} is the time since the method was made. */
  record Admission(String prompt, String userId, Duration at, long tokens) {}

  private static final ModelBinding MODEL = binding("gpt-4o-mini");

  private final FakeTicker ticker = new FakeTicker();
  private final FakeScheduler scheduler = new FakeScheduler(ticker);
  private final long startNanos = ticker.nanoTime();
  private final RateLimitStages stages = new RateLimitStages(ticker, scheduler);
  private final CallSpec<String> spec;
  private final CallStage stage;
  private final Queue<Admission> admissions = new ConcurrentLinkedQueue<>();

  RateLimitedMethod(RateLimitPolicy policy) {
    spec = CallSpec.builder(FEATURE, "gpt-4o-mini", MAX_TOKENS, OutputFormat.text())
        .system(SYSTEM)
        .rateLimit(policy)
        .build();
    stage = stages.stageFor(spec, MODEL).orElseThrow();
  }

  static RateLimitPolicy limits(long requestsPerMinute, long tokensPerMinute, Duration maxWait) {
    return new RateLimitPolicy(requestsPerMinute, tokensPerMinute, false, maxWait);
  }

  /** The tokens a call with {@code prompt} counts against the limit. */
  static long tokens(String prompt) {
    return MODEL.countInput(SYSTEM, prompt) + MAX_TOKENS;
  }

  private static ModelBinding binding(String model) {
    TokenCounter tokenCounter = new TokenCounter();
    ModelEntry entry = ModelCatalog.bundled().find(model).orElseThrow();
    return new ModelBinding(entry.name(), null, entry.prices(), tokenCounter.encoding(entry.tokenizer()), tokenCounter);
  }

  CompletableFuture<LlmResult<String>> call(String prompt) {
    return call(prompt, null);
  }

  CompletableFuture<LlmResult<String>> call(String prompt, String userId) {
    return stage.handle(new Call<>(spec, prompt, userId, ticker, ticker.nanoTime()), this::answer);
  }

  void advance(Duration duration) {
    scheduler.advance(duration);
  }

  List<Admission> admissions() {
    return List.copyOf(admissions);
  }

  List<String> admittedPrompts() {
    return admissions.stream().map(Admission::prompt).toList();
  }

  RateLimitStatistics statistics() {
    return stages.statistics().get(FEATURE);
  }

  RateLimitStage stage() {
    return stages.stageOf(spec);
  }

  RateLimitStages stages() {
    return stages;
  }

  private CompletableFuture<LlmResult<String>> answer(Call<String> call) {
    Duration at = Duration.ofNanos(ticker.nanoTime() - startNanos);
    admissions.add(new Admission(call.prompt(), call.userId(), at, call.inputTokens(MODEL) + (long) MAX_TOKENS));
    return CompletableFuture.completedFuture(
        LlmResult.answered("ok", MODEL.providerModel(), "fake", 1, 0, 0, 0, 0, Duration.ZERO));
  }
}
