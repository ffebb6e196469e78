package dev.llmgen.runtime.provider.openai;

import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.http.HeaderValues;
import java.net.http.HttpHeaders;
import java.util.OptionalLong;

/**
 * Reads OpenAI's {@code x-ratelimit-*} response headers. A header that is missing or malformed is left
 * out rather than failing the call: these headers inform, the answer is what matters.
 */
final class RateLimitHeaders {

  static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
  static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
  static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
  static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

  private RateLimitHeaders() {}

  static RateLimitStatus read(HttpHeaders headers) {
    return new RateLimitStatus(
        count(headers, REMAINING_REQUESTS), headers.firstValue(RESET_REQUESTS).flatMap(ResetDuration::parse),
        count(headers, REMAINING_TOKENS), headers.firstValue(RESET_TOKENS).flatMap(ResetDuration::parse));
  }

  private static OptionalLong count(HttpHeaders headers, String name) {
    return headers.firstValue(name).map(HeaderValues::count).orElse(OptionalLong.empty());
  }
}
