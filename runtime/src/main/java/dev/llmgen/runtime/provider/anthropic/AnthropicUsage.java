package dev.llmgen.runtime.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.llmgen.runtime.provider.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code usage} object of a message or of a stream's {@code message_start} and {@code message_delta}
 * events. Anthropic's {@code input_tokens} counts only the input neither read from nor written to the
 * prompt cache; llmgen's input count includes both, so the three are added up.
 *
 * @param inputTokens input tokens billed at the full input price
 * @param cacheCreationInputTokens input tokens written to the (5-minute) prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param outputTokens tokens the model wrote; in a stream, the count so far
 */
record AnthropicUsage(
    @JsonProperty("input_tokens") Integer inputTokens,
    @JsonProperty("cache_creation_input_tokens") Integer cacheCreationInputTokens,
    @JsonProperty("cache_read_input_tokens") Integer cacheReadInputTokens,
    @JsonProperty("output_tokens") Integer outputTokens) {

  /** No counts yet: what a stream has before its {@code message_start}. */
  static final AnthropicUsage NONE = new AnthropicUsage(null, null, null, null);

  /** These counts with those {@code later} reports replacing them; a stream's counts are cumulative. */
  AnthropicUsage updatedBy(AnthropicUsage later) {
    if (later == null) {
      return this;
    }
    return new AnthropicUsage(
        latest(later.inputTokens(), inputTokens),
        latest(later.cacheCreationInputTokens(), cacheCreationInputTokens),
        latest(later.cacheReadInputTokens(), cacheReadInputTokens),
        latest(later.outputTokens(), outputTokens));
  }

  private static Integer latest(Integer later, Integer earlier) {
    return later != null ? later : earlier;
  }

  /**
   * Empty when the input or output count is missing, as behind some proxies; llmgen then counts the
   * tokens itself.
   *
   * @throws IllegalArgumentException for impossible counts
   */
  Optional<TokenUsage> tokenUsage() {
    if (inputTokens == null || outputTokens == null) {
      return Optional.empty();
    }
    int cacheWrite = Objects.requireNonNullElse(cacheCreationInputTokens, 0);
    int cacheRead = Objects.requireNonNullElse(cacheReadInputTokens, 0);
    return Optional.of(new TokenUsage(inputTokens + cacheWrite + cacheRead, cacheRead, cacheWrite, outputTokens, true));
  }
}
