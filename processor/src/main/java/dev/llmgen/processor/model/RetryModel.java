package dev.llmgen.processor.model;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** A method's {@code @Retry}, checked: only the attributes the source writes; the others keep the configured defaults. */
public record RetryModel(OptionalInt maxAttempts, Optional<Duration> backoff, Optional<Duration> maxBackoff) {}
