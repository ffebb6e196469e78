package dev.llmgen.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.budget.BudgetLedger;
import dev.llmgen.runtime.budget.BudgetListener;
import dev.llmgen.runtime.budget.FileBudgetLedger;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.config.ProviderKind;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.RetryMeter;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.ProviderRouter;
import dev.llmgen.runtime.provider.anthropic.AnthropicProvider;
import dev.llmgen.runtime.provider.openai.OpenAiChatProvider;
import dev.llmgen.runtime.provider.simulated.SimulatedProvider;
import dev.llmgen.runtime.resilience.AdaptiveLimitingProvider;
import dev.llmgen.runtime.resilience.ResilienceListener;
import dev.llmgen.runtime.resilience.ResilienceSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Provides everything generated code needs. All a user writes is
 * {@code Guice.createInjector(new LlmRuntimeModule(), new SupportBotModule())}.
 *
 * <p>The configuration is read and checked when the module is constructed, so a missing API key or a
 * malformed setting is one {@link LlmConfigurationException} at start-up, with every problem listed,
 * before Guice builds anything. To replace a binding (a fake {@link Ticker}, or a {@link ProviderRouter}
 * to a provider of your own, in tests), use {@code Modules.override(new LlmRuntimeModule(...)).with(...)}.
 *
 * <p>Calls are measured in a Micrometer {@link SimpleMeterRegistry} unless the application binds its own
 * registry (see docs/metrics.md):
 * {@code OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(registry)}.
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
    bind(Clock.class).toInstance(Clock.system(settings.budgetZone()));
    // Applications add theirs: Multibinder.newSetBinder(binder(), BudgetListener.class).addBinding()...
    Multibinder.newSetBinder(binder(), BudgetListener.class);
    bind(ResilienceSettings.class).toInstance(settings.resilience());
    Multibinder.newSetBinder(binder(), ResilienceListener.class).addBinding().to(RetryMeter.class);
    // Applications bind theirs (Prometheus, OTLP...) with
    // OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(registry)
    OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setDefault()
        .toProvider(SimpleMeterRegistry::new).in(Singleton.class);
  }

  @Provides
  @Singleton
  Scheduler scheduler() {
    return Scheduler.system();
  }

  /**
   * The journal of spending, opened when the first budgeted method is bound. Simulated calls spend
   * simulated money, so unless a ledger is named they journal to a temporary file, never to the ledger
   * of real spending.
   */
  @Provides
  @Singleton
  BudgetLedger budgetLedger(Clock clock) {
    boolean simulatedDefault = settings.provider() == ProviderKind.SIMULATED
        && settings.budgetLedger().equals(LlmSettings.DEFAULT_BUDGET_LEDGER);
    try {
      Path file = simulatedDefault ? temporaryLedger() : settings.budgetLedger();
      return FileBudgetLedger.open(file, clock, false);
    } catch (IOException | UncheckedIOException e) {
      throw new LlmConfigurationException(List.of(LlmSettings.BUDGET_LEDGER + ": cannot open the budget ledger "
          + settings.budgetLedger() + ": " + e.getMessage()));
    }
  }

  private static Path temporaryLedger() throws IOException {
    Path file = Files.createTempFile("llmgen-simulated-budget", ".journal");
    file.toFile().deleteOnExit();
    return file;
  }

  /** What every call cost, kept for {@code LLMGEN_COST_LEDGER_DAYS} days. */
  @Provides
  @Singleton
  CostLedger costLedger(Clock clock) {
    return new CostLedger(clock, settings.costLedgerDays());
  }

  /** The providers the configuration names, and which of them serves each model. */
  @Provides
  @Singleton
  ProviderRouter providers(TokenCounter tokenCounter, Clock clock, Ticker ticker, Scheduler scheduler) {
    Supplier<LlmProvider> openAi = () -> adaptive(OpenAiChatProvider.create(
        settings.openAiBaseUri(), settings.openAiApiKey(), settings.timeout(), clock), ticker, scheduler);
    Supplier<LlmProvider> anthropic = () -> adaptive(AnthropicProvider.create(
        settings.anthropicBaseUri(), settings.anthropicApiKey().orElseThrow(), settings.timeout(), tokenCounter, clock),
        ticker, scheduler);
    return switch (settings.provider()) {
      case SIMULATED ->
          ProviderRouter.everyModelTo(new SimulatedProvider(settings.simulated(), catalog, tokenCounter, settings.timeout()));
      case OPENAI -> ProviderRouter.everyModelTo(openAi.get());
      case ANTHROPIC -> ProviderRouter.everyModelTo(anthropic.get());
      case AUTO -> ProviderRouter.byCatalog(
          settings.openAiUsable() ? Optional.of(openAi.get()) : Optional.empty(),
          "set " + LlmSettings.OPENAI_API_KEY + ", or " + LlmSettings.OPENAI_BASE_URL + " for a server of your own",
          settings.anthropicUsable() ? Optional.of(anthropic.get()) : Optional.empty(),
          "set " + LlmSettings.ANTHROPIC_API_KEY);
    };
  }

  /** A real provider, held back by its own rate-limit headers unless adaptive limiting is switched off. */
  private LlmProvider adaptive(LlmProvider provider, Ticker ticker, Scheduler scheduler) {
    return settings.resilience().adaptiveLimiting()
        ? new AdaptiveLimitingProvider(provider, ticker, scheduler)
        : provider;
  }

  private static ModelCatalog withUserCatalog(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ModelCatalog.bundled().with(ModelCatalog.parse(reader, file.toString()));
    } catch (IOException | IllegalArgumentException e) {
      throw new LlmConfigurationException(List.of(LlmSettings.MODEL_CATALOG + ": " + e.getMessage()));
    }
  }
}
