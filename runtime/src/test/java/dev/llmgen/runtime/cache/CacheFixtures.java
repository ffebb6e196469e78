package dev.llmgen.runtime.cache;

import dev.llmgen.annotations.Cached;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import java.time.Duration;

/** Specifications and model bindings the cache tests share. */
final class CacheFixtures {

  static final Duration TTL = Duration.ofMinutes(10);
  private static final TokenCounter TOKEN_COUNTER = new TokenCounter();

  private CacheFixtures() {}

  static ModelBinding binding(String model) {
    ModelEntry entry = ModelCatalog.bundled().find(model).orElseThrow();
    return new ModelBinding(entry.name(), null, entry.prices(), TOKEN_COUNTER.encoding(entry.tokenizer()), TOKEN_COUNTER);
  }

  static CallSpec.Builder<String> textSpec(String feature) {
    return CallSpec.builder(feature, "gpt-4o-mini", 200, OutputFormat.text()).system("Be brief.");
  }

  static CallSpec<String> cachedSpec(String feature, long maxEntries, Cached.Scope scope) {
    return textSpec(feature).cache(new CachePolicy(TTL, maxEntries, scope)).build();
  }
}
