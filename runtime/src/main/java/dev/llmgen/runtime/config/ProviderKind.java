package dev.llmgen.runtime.config;

import java.util.Locale;

/** The providers {@code LLMGEN_PROVIDER} can name. */
public enum ProviderKind {
  /** OpenAI's Chat Completions API, or any server that speaks it (Ollama, vLLM, llama.cpp...). */
  OPENAI,
  /** A deterministic model inside the process, for demos and tests. Costs nothing real. */
  SIMULATED;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
