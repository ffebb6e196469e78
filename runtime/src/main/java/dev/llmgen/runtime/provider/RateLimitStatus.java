package dev.llmgen.runtime.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a provider's rate-limit headers said about the account's limits when it answered: OpenAI's
 * {@code x-ratelimit-remaining-requests}, {@code x-ratelimit-reset-requests} and the token pair,
 * Anthropic's {@code anthropic-ratelimit-requests-remaining} and its siblings. Reset times are
 * durations from the moment the response arrived.
 *
 * @param remainingRequests requests left in the provider's current window
 * @param requestsReset how long until the request count is back to its limit
 * @param remainingTokens tokens left in the provider's current window
 * @param tokensReset how long until the token count is back to its limit
 */
public record RateLimitStatus(
    OptionalLong remainingRequests, Optional<Duration> requestsReset,
    OptionalLong remainingTokens, Optional<Duration> tokensReset) {

  /** A response without rate-limit headers. */
  public static final RateLimitStatus UNKNOWN =
      new RateLimitStatus(OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty());

  public RateLimitStatus {
    Objects.requireNonNull(remainingRequests, "remainingRequests");
    Objects.requireNonNull(requestsReset, "requestsReset");
    Objects.requireNonNull(remainingTokens, "remainingTokens");
    Objects.requireNonNull(tokensReset, "tokensReset");
  }

  public boolean isKnown() {
    return remainingRequests.isPresent() || remainingTokens.isPresent();
  }
}
