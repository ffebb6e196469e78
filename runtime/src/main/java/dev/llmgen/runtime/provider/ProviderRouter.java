package dev.llmgen.runtime.provider;

import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.runtime.LlmConfigurationException;
import java.util.List;
import java.util.Optional;

/**
 * Which provider serves a model. Asked once per model when a method is bound, never per call.
 */
@FunctionalInterface
public interface ProviderRouter {

  /**
   * @param model the model id, after the model map
   * @param entry the model's catalog entry, when the catalog knows it
   * @throws LlmConfigurationException when the provider the model needs is not configured
   */
  LlmProvider providerFor(String model, Optional<ModelEntry> entry);

  /** Every model to one provider: the simulated one, or one server that serves them all. */
  static ProviderRouter everyModelTo(LlmProvider provider) {
    return (model, entry) -> provider;
  }

  /**
   * Anthropic's models (as the catalog says) to Anthropic, every other model to the OpenAI-compatible
   * server, which may be OpenAI or a local one serving models the catalog does not know.
   *
   * @param missingOpenAi what to set when a model needs the OpenAI-compatible provider and it is absent
   * @param missingAnthropic what to set when a model needs Anthropic and it is absent
   */
  static ProviderRouter byCatalog(
      Optional<LlmProvider> openAi, String missingOpenAi, Optional<LlmProvider> anthropic, String missingAnthropic) {
    return (model, entry) -> {
      boolean anthropicModel = entry.map(ModelEntry::provider).filter("anthropic"::equals).isPresent();
      Optional<LlmProvider> provider = anthropicModel ? anthropic : openAi;
      return provider.orElseThrow(() -> new LlmConfigurationException(List.of(
          "model " + model + " is served by " + (anthropicModel ? "Anthropic" : "an OpenAI-compatible server")
              + ", which is not configured: " + (anthropicModel ? missingAnthropic : missingOpenAi))));
    };
  }
}
