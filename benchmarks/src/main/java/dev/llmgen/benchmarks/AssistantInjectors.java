package dev.llmgen.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.provider.ProviderRouter;
import java.net.URI;
import java.util.Map;

/** The llmgen runtimes the benchmarks call, each with {@link Assistant} bound to its generated implementation. */
final class AssistantInjectors {

  private AssistantInjectors() {}

  /** Every model answered by {@link InstantProvider}, under the default settings otherwise. */
  static Injector instant() {
    // The simulated provider needs no key; the router below replaces it.
    ConfigSource config = ConfigSource.of(Map.of(
        LlmSettings.PROVIDER, "simulated",
        LlmSettings.SIMULATED_LATENCY_SCALE, "0"));
    Module runtime = Modules.override(new LlmRuntimeModule(config)).with(binder -> binder
        .bind(ProviderRouter.class).toInstance(ProviderRouter.everyModelTo(new InstantProvider())));
    return Guice.createInjector(runtime, new AssistantModule());
  }

  /**
   * Every model asked of the OpenAI-compatible server at {@code baseUri}, each call in one request: no
   * retries, and no adaptive limiting (the server sends no rate-limit headers for it to read).
   */
  static Injector openAiCompatible(URI baseUri) {
    ConfigSource config = ConfigSource.of(Map.of(
        LlmSettings.PROVIDER, "openai",
        LlmSettings.OPENAI_BASE_URL, baseUri.toString(),
        LlmSettings.OPENAI_API_KEY, DelayedOpenAiServer.API_KEY,
        LlmSettings.RETRY_MAX_ATTEMPTS, "1",
        LlmSettings.ADAPTIVE_LIMITS, "false"));
    return Guice.createInjector(new LlmRuntimeModule(config), new AssistantModule());
  }
}
