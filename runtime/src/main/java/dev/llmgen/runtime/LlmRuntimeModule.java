package dev.llmgen.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.openai.OpenAiChatProvider;
import dev.llmgen.runtime.provider.simulated.SimulatedProvider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Provides everything generated code needs. All a user writes is
 * {@code Guice.createInjector(new LlmRuntimeModule(), new SupportBotModule())}.
 *
 * <p>The configuration is read and checked when the module is constructed, so a missing API key or a
 * malformed setting is one {@link LlmConfigurationException} at start-up, with every problem listed,
 * before Guice builds anything. To replace a binding (a fake {@link Ticker} or {@link LlmProvider} in
 * tests), use {@code Modules.override(new LlmRuntimeModule(...)).with(...)}.
 */
public final class LlmRuntimeModule extends AbstractModule {

  private final LlmSettings settings;
  private final ModelCatalog catalog;

  /** Configured from system properties and environment variables (see docs/configuration.md). */
  public LlmRuntimeModule() {
    this(ConfigSource.environment());
  }

  /** @throws LlmConfigurationException listing every problem with {@code config} */
  public LlmRuntimeModule(ConfigSource config) {
    this.settings = LlmSettings.from(config);
    this.catalog = settings.catalogFile().map(LlmRuntimeModule::withUserCatalog).orElseGet(ModelCatalog::bundled);
  }

  @Override
  protected void configure() {
    bind(LlmSettings.class).toInstance(settings);
    bind(ModelCatalog.class).toInstance(catalog);
    bind(ModelMap.class).toInstance(settings.modelMap());
    bind(Ticker.class).toInstance(Ticker.system());
  }

  @Provides
  @Singleton
  LlmProvider provider(TokenCounter tokenCounter) {
    return switch (settings.provider()) {
      case OPENAI -> OpenAiChatProvider.create(settings.openAiBaseUri(), settings.openAiApiKey(), settings.timeout());
      case SIMULATED -> new SimulatedProvider(settings.simulated(), catalog, tokenCounter, settings.timeout());
    };
  }

  private static ModelCatalog withUserCatalog(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ModelCatalog.bundled().with(ModelCatalog.parse(reader, file.toString()));
    } catch (IOException | IllegalArgumentException e) {
      throw new LlmConfigurationException(List.of(LlmSettings.MODEL_CATALOG + ": " + e.getMessage()));
    }
  }
}
