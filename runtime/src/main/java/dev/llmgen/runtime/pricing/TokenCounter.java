package dev.llmgen.runtime.pricing;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.inject.Singleton;

/**
 * Exact token counts with JTokkit, for providers or servers that report no usage and for worst-case
 * estimates. Encodings load lazily, once, and are thread-safe.
 */
@Singleton
public final class TokenCounter {

  /** The encoding of current OpenAI models; used for models the catalog does not know. */
  public static final String DEFAULT_TOKENIZER = "o200k_base";

  // From OpenAI's guide to counting chat tokens: each message is wrapped in 3 tokens plus 1 for its
  // role, and every answer is primed with 3 more.
  private static final int TOKENS_PER_MESSAGE = 4;
  private static final int TOKENS_PER_ANSWER_PRIMING = 3;

  private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

  /** The encoding named {@code tokenizer}, or the default one if JTokkit has none of that name. */
  public Encoding encoding(String tokenizer) {
    EncodingType type = EncodingType.fromName(tokenizer)
        .orElseGet(() -> EncodingType.fromName(DEFAULT_TOKENIZER).orElseThrow());
    return registry.getEncoding(type);
  }

  public int count(Encoding encoding, String text) {
    return encoding.countTokensOrdinary(text);
  }

  /** The input tokens of a chat request with an optional system message and one user message. */
  public int countChatInput(Encoding encoding, String system, String prompt) {
    int tokens = TOKENS_PER_ANSWER_PRIMING + TOKENS_PER_MESSAGE + encoding.countTokensOrdinary(prompt);
    if (!system.isEmpty()) {
      tokens += TOKENS_PER_MESSAGE + encoding.countTokensOrdinary(system);
    }
    return tokens;
  }
}
