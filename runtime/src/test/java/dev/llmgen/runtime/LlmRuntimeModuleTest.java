package dev.llmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.LlmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    assertSame(injector.getInstance(LlmProvider.class), injector.getInstance(LlmProvider.class));
  }

  @Test
  void aKeySelectsOpenAi() {
    assertEquals("openai", injector(Map.of("OPENAI_API_KEY", "sk-test-123")).getInstance(LlmProvider.class).name());
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
