package dev.llmgen.runtime.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemPromptCachingTest {

  private final List<String> counted = new ArrayList<>();
  /** One token per character, so that lengths are token counts. */
  private final SystemPromptCaching caching = new SystemPromptCaching(text -> {
    counted.add(text);
    return text.length();
  });

  @Test
  void cachesSonnetAndOpusPromptsFrom1024Tokens() {
    assertFalse(caching.worthCaching("claude-sonnet-4-5", "x".repeat(1023)));
    assertTrue(caching.worthCaching("claude-sonnet-4-5", "x".repeat(1024)));
    assertTrue(caching.worthCaching("claude-opus-4-1-20250805", "x".repeat(1024)));
  }

  @Test
  void cachesHaikuPromptsFrom2048Tokens() {
    assertFalse(caching.worthCaching("claude-haiku-4-5", "x".repeat(2047)));
    assertTrue(caching.worthCaching("claude-haiku-4-5", "x".repeat(2048)));
    assertFalse(caching.worthCaching("claude-3-5-haiku-latest", "x".repeat(1500)));
  }

  @Test
  void neverCachesAnEmptyPrompt() {
    assertFalse(caching.worthCaching("claude-sonnet-4-5", ""));
    assertEquals(List.of(), counted);
  }

  @Test
  void countsEachPromptOnceWhateverTheModel() {
    String system = "y".repeat(1500);

    caching.worthCaching("claude-sonnet-4-5", system);
    caching.worthCaching("claude-sonnet-4-5", system);
    caching.worthCaching("claude-haiku-4-5", system);

    assertEquals(List.of(system), counted);
  }
}
