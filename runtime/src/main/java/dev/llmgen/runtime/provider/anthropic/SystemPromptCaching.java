package dev.llmgen.runtime.provider.anthropic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmgen.runtime.pricing.TokenCounter;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Decides whether a system prompt gets an Anthropic cache breakpoint: only when it is at least the
 * minimum Anthropic caches for the model, 2048 tokens for Haiku models and 1024 for Sonnet and Opus.
 *
 * <p>Anthropic does not publish its tokenizer, so the length is the {@code cl100k_base} estimate the
 * model catalog uses for Claude. Some newer models (Opus 4.5, Haiku 4.5) only cache from 4096 tokens;
 * the lower minimums are kept for them too, because a breakpoint on a prompt too short to cache is
 * harmless (Anthropic just reads it at the input price) while a missing one loses every cache hit.
 *
 * <p>Counting a long prompt on every call would cost more than the HTTP call around it, and the system
 * prompt of a method is the same string on every call, so counts are remembered per string, a bounded
 * number of them.
 */
final class SystemPromptCaching {

  static final int SONNET_AND_OPUS_MINIMUM = 1024;
  static final int HAIKU_MINIMUM = 2048;

  private static final String ESTIMATE_TOKENIZER = "cl100k_base";
  private static final int REMEMBERED_PROMPTS = 512;

  private final ToIntFunction<String> estimate;
  private final Cache<String, Integer> tokenCounts = Caffeine.newBuilder()
      .maximumSize(REMEMBERED_PROMPTS)
      .executor(Runnable::run) // evict on the calling thread rather than on the common pool
      .build();

  /** @param estimate the number of tokens in a text, as Anthropic would roughly count them */
  SystemPromptCaching(ToIntFunction<String> estimate) {
    this.estimate = estimate;
  }

  /** Estimates with {@code counter}'s {@code cl100k_base} encoding, loaded when a prompt is first counted. */
  static SystemPromptCaching estimatingWith(TokenCounter counter) {
    return new SystemPromptCaching(text -> counter.count(counter.encoding(ESTIMATE_TOKENIZER), text));
  }

  /** Whether {@code system}, sent to {@code model}, is long enough for Anthropic to cache. */
  boolean worthCaching(String model, String system) {
    if (system.isEmpty()) {
      return false;
    }
    int minimum = model.toLowerCase(Locale.ROOT).contains("haiku") ? HAIKU_MINIMUM : SONNET_AND_OPUS_MINIMUM;
    return tokenCounts.get(system, estimate::applyAsInt) >= minimum;
  }
}
