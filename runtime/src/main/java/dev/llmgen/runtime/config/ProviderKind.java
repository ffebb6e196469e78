package dev.llmgen.runtime.config;

import java.util.Locale;

/** The providers {@code LLMGEN_PROVIDER} can name. */
public enum ProviderKind {
  /**
   * Each model to the provider that serves it, as the model catalog says: Anthropic's models to the
   * Messages API, every other model to the OpenAI-compatible server. The default once a key or base URL
   * of either is set.
   */
  AUTO,
  /** Every model to OpenAI's Chat Completions API, or a server that speaks it (Ollama, vLLM, a gateway...). */
  OPENAI,
  /** Every model to Anthropic's Messages API. */
  ANTHROPIC,
  /** A deterministic model inside the process, for demos and tests. Costs nothing real. */
  SIMULATED;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
