package test;

import dev.llmgen.annotations.Cached;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * The llmgen implementation of {@link Desk}.
 */
@Generated("dev.llmgen.processor.LlmProcessor")
public final class DeskImpl implements Desk {
  private static final CallSpec<String> CLASSIFY = CallSpec.builder("Desk.classify", "gpt-4o-mini", 20, OutputFormat.text())
      .temperature(0.0)
      .cache(new CachePolicy(Duration.ofDays(7), 5000000000L, Cached.Scope.USER))
      .build();

  private static final CallSpec<String> TRANSLATE = CallSpec.builder("Desk.translate", "gpt-4o-mini", 200, OutputFormat.text())
      .temperature(0.0)
      .cache(new CachePolicy(Duration.ofHours(36), 500L, Cached.Scope.GLOBAL))
      .build();

  private static final CallSpec<String> DRAFT = CallSpec.builder("Desk.draft", "gpt-4o", 1000, OutputFormat.text())
      .budget(BudgetPolicy.pool("support").perRequestNanos(50000000L).perUserDailyNanos(1250000000L).perUserMonthlyNanos(20000000000L).perAppDailyNanos(150000000000L).perAppMonthlyNanos(3000000000000L).alertAt(0.5).build())
      .rateLimit(new RateLimitPolicy(30L, 90000L, true, Duration.ofNanos(3000000001L)))
      .build();

  private static final CallSpec<String> SUMMARIZE = CallSpec.builder("Desk.summarize", "gpt-4o-mini", 200, OutputFormat.text())
      .budget(BudgetPolicy.pool("default").perAppDailyNanos(10000000000L).alertAt(0.8).build())
      .rateLimit(new RateLimitPolicy(RateLimitPolicy.NO_LIMIT, 50000L, false, Duration.ofNanos(1500)))
      .build();

  private static final CallSpec<Boolean> URGENT = CallSpec.builder("Desk.urgent", "gpt-4o-mini", 5, OutputFormat.bool())
      .rateLimit(new RateLimitPolicy(5L, RateLimitPolicy.NO_LIMIT, false, Duration.ofMillis(2500)))
      .build();

  private final LlmMethod<String> classify;

  private final LlmMethod<String> translate;

  private final LlmMethod<String> draft;

  private final LlmMethod<String> summarize;

  private final LlmMethod<Boolean> urgent;

  @Inject
  public DeskImpl(LlmRuntime runtime) {
    this.classify = runtime.bind(CLASSIFY);
    this.translate = runtime.bind(TRANSLATE);
    this.draft = runtime.bind(DRAFT);
    this.summarize = runtime.bind(SUMMARIZE);
    this.urgent = runtime.bind(URGENT);
  }

  @Override
  public String classify(String message, String customer) {
    long renderingStarted = this.classify.startNanos();
    String prompt = "Classify " + message;
    return this.classify.call(renderingStarted, prompt, customer);
  }

  @Override
  public String translate(String message) {
    long renderingStarted = this.translate.startNanos();
    String prompt = "Translate " + message;
    return this.translate.call(renderingStarted, prompt, null);
  }

  @Override
  public String draft(String message, String customer) {
    long renderingStarted = this.draft.startNanos();
    String prompt = "Draft a reply to " + message;
    return this.draft.call(renderingStarted, prompt, customer);
  }

  @Override
  public String summarize(String message) {
    long renderingStarted = this.summarize.startNanos();
    String prompt = "Summarize " + message;
    return this.summarize.call(renderingStarted, prompt, null);
  }

  @Override
  public boolean urgent(String message) {
    long renderingStarted = this.urgent.startNanos();
    String prompt = "Is " + message + " urgent?";
    return this.urgent.call(renderingStarted, prompt, null);
  }
}
