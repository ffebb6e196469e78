package dev.llmgen.processor.model;

import java.time.Duration;

/** A method's {@code @Cached}, checked. */
public record CacheModel(Duration ttl, long maxEntries, boolean userScope) {}
