package dev.llmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.provider.ProviderRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmRuntimeModuleTest {

  private static Injector injector(Map<String, String> config) {
    return Guice.createInjector(new LlmRuntimeModule(ConfigSource.of(config)));
  }

  @Test
  void withoutAKeyTheSimulatedModelAnswers() {
    Injector injector = injector(Map.of("LLMGEN_SIMULATED_LATENCY_SCALE", "0"));
    LlmRuntime runtime = injector.getInstance(LlmRuntime.class);

    LlmResult<String> result = runtime.bind(
        CallSpec.builder("Bot.greet", "gpt-4o-mini", 40, OutputFormat.text()).build()).callForResult("Greet Ada", null);

    assertEquals("simulated", result.provider());
    assertTrue(result.value().startsWith("[simulated]"), result.value());
    assertTrue(result.costNanos() > 0);
    assertSame(runtime, injector.getInstance(LlmRuntime.class));
    assertSame(injector.getInstance(ProviderRouter.class), injector.getInstance(ProviderRouter.class));
  }

  @Test
  void callsAreMeasuredInASimpleMeterRegistryUnlessTheApplicationBindsItsOwn() {
    Injector byDefault = injector(Map.of("LLMGEN_SIMULATED_LATENCY_SCALE", "0"));
    assertTrue(byDefault.getInstance(MeterRegistry.class) instanceof SimpleMeterRegistry);
    assertSame(byDefault.getInstance(MeterRegistry.class), byDefault.getInstance(MeterRegistry.class));

    MeterRegistry own = new SimpleMeterRegistry();
    Injector injector = Guice.createInjector(
        new LlmRuntimeModule(ConfigSource.of(Map.of("LLMGEN_SIMULATED_LATENCY_SCALE", "0"))),
        binder -> OptionalBinder.newOptionalBinder(binder, MeterRegistry.class).setBinding().toInstance(own));
    injector.getInstance(LlmRuntime.class)
        .bind(CallSpec.builder("Bot.greet", "gpt-4o-mini", 40, OutputFormat.text()).build()).call("Greet Ada", null);

    assertSame(own, injector.getInstance(MeterRegistry.class));
    assertEquals(1, own.get("llmgen.calls").tags("feature", "Bot.greet", "outcome", "answered").timer().count());
    assertEquals(1, injector.getInstance(CostLedger.class).total(CostQuery.all()).calls());
  }

  @Test
  void anOpenAiKeyRoutesOpenAiModelsToOpenAi() {
    ProviderRouter router = injector(Map.of("OPENAI_API_KEY", "sk-test-123")).getInstance(ProviderRouter.class);

    assertEquals("openai", router.providerFor("gpt-4o-mini", ModelCatalog.bundled().find("gpt-4o-mini")).name());
    assertEquals("openai", router.providerFor("llama3.1:8b", Optional.empty()).name());
  }

  @Test
  void aModelWhoseProviderIsNotConfiguredIsOneReadableProblem() {
    ProviderRouter router = injector(Map.of("OPENAI_API_KEY", "sk-test-123")).getInstance(ProviderRouter.class);

    LlmConfigurationException error = assertThrows(LlmConfigurationException.class,
        () -> router.providerFor("claude-sonnet-4-5", ModelCatalog.bundled().find("claude-sonnet-4-5")));
    assertEquals("llmgen configuration: model claude-sonnet-4-5 is served by Anthropic, which is not configured:"
        + " set ANTHROPIC_API_KEY", error.getMessage());
  }

  @Test
  void aFallbackWhoseProviderIsNotConfiguredIsLeftOutButAMainModelIsNot() {
    LlmRuntime runtime = injector(Map.of("OPENAI_API_KEY", "sk-test-123")).getInstance(LlmRuntime.class);

    LlmMethod<String> withClaudeFallback = runtime.bind(CallSpec.builder("Bot.greet", "gpt-4o", 40, OutputFormat.text())
        .fallbackModels("claude-sonnet-4-5")
        .build());
    LlmConfigurationException error = assertThrows(LlmConfigurationException.class, () -> runtime.bind(
        CallSpec.builder("Bot.draft", "claude-sonnet-4-5", 40, OutputFormat.text()).build()));

    assertEquals("Bot.greet", withClaudeFallback.spec().feature());
    assertTrue(error.getMessage().contains("set ANTHROPIC_API_KEY"), error.getMessage());
  }

  @Test
  void aMissingKeyFailsAtConstructionWithOneReadableMessage() {
    LlmConfigurationException error = assertThrows(LlmConfigurationException.class,
        () -> new LlmRuntimeModule(ConfigSource.of(Map.of("LLMGEN_PROVIDER", "openai"))));

    assertEquals(1, error.problems().size());
    assertTrue(error.getMessage().startsWith("llmgen configuration: LLMGEN_PROVIDER=openai calls "
        + "https://api.openai.com/v1, which needs an API key: set OPENAI_API_KEY"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
  }

  @Test
  void aUserCatalogAddsAndOverridesModels(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("models.csv");
    Files.writeString(file, "model,provider,input,cached_input,cache_write,output,context_window,tokenizer\n"
        + "llama3.2:3b,ollama,0,0,0,0,131072,cl100k_base\n"
        + "gpt-4o-mini,openai,1,0.5,0,2,128000,o200k_base\n");

    ModelCatalog catalog = injector(Map.of("LLMGEN_MODEL_CATALOG", file.toString())).getInstance(ModelCatalog.class);

    assertTrue(catalog.contains("llama3.2:3b"));
    assertEquals(2_000_000_000L, catalog.find("gpt-4o-mini").orElseThrow().prices().outputPerMillion());
    assertTrue(catalog.contains("gpt-4o"));
  }

  @Test
  void aMalformedUserCatalogIsAConfigurationError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("models.csv");
    Files.writeString(file, "model,provider\nllama,ollama\n");

    LlmConfigurationException error = assertThrows(LlmConfigurationException.class,
        () -> new LlmRuntimeModule(ConfigSource.of(Map.of("LLMGEN_MODEL_CATALOG", file.toString()))));

    assertTrue(error.getMessage().startsWith("llmgen configuration: LLMGEN_MODEL_CATALOG: " + file + ":1: expected the header"),
        error.getMessage());
  }
}
