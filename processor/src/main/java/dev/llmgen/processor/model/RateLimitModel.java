package dev.llmgen.processor.model;

import java.time.Duration;
import java.util.OptionalLong;

/** A method's {@code @RateLimited}, checked; a limit left out is empty. */
public record RateLimitModel(
    OptionalLong requestsPerMinute, OptionalLong tokensPerMinute, boolean perUser, Duration maxWait) {}
