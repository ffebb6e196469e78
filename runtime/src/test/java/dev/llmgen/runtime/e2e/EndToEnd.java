package dev.llmgen.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.e2e.ScriptedServer.WireFormat;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.http.FakeHttpServer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole runtime as an application wires it, {@link LlmRuntimeModule} in Guice, configured only by its
 * settings: {@code OPENAI_BASE_URL} and {@code ANTHROPIC_BASE_URL} (with {@code ANTHROPIC_API_KEY}) point
 * at two {@link ScriptedServer}s on 127.0.0.1, one per wire format, so {@code LLMGEN_PROVIDER} is
 * {@code auto} and each model goes to its provider as the catalog says. Its ticker, scheduler and clock
 * are one {@link ManualTime}, bound over the module's as a user would bind fakes of their own.
 */
final class EndToEnd implements AutoCloseable {

  static final String ANTHROPIC_API_KEY = "sk-ant-api03-e2e-test-key";

  /** What the customer asks in every scenario. */
  static final String QUESTION = "When does order 1042 ship?";

  private final ScriptedServer openAi = ScriptedServer.speaking(WireFormat.OPENAI);
  private final ScriptedServer anthropic = ScriptedServer.speaking(WireFormat.ANTHROPIC);
  private final ManualTime time = new ManualTime(Instant.parse("2026-11-23T10:00:00Z"));

  ScriptedServer openAi() {
    return openAi;
  }

  ScriptedServer anthropic() {
    return anthropic;
  }

  ManualTime time() {
    return time;
  }

  /** The runtime with the default settings. */
  LlmRuntime runtime() {
    return runtime(Map.of());
  }

  /** The runtime with {@code settings} besides the servers' addresses and key. */
  LlmRuntime runtime(Map<String, String> settings) {
    return injector(settings).getInstance(LlmRuntime.class);
  }

  /** The application's injector, for what it holds besides the runtime: its circuits, its budgets... */
  Injector injector(Map<String, String> settings) {
    Map<String, String> config = new HashMap<>(settings);
    config.put(LlmSettings.OPENAI_BASE_URL, openAi.baseUrl());
    config.put(LlmSettings.ANTHROPIC_BASE_URL, anthropic.baseUrl());
    config.put(LlmSettings.ANTHROPIC_API_KEY, ANTHROPIC_API_KEY);
    Module onManualTime = Modules.override(new LlmRuntimeModule(ConfigSource.of(config))).with(binder -> {
      binder.bind(Ticker.class).toInstance(time);
      binder.bind(Scheduler.class).toInstance(time);
      binder.bind(Clock.class).toInstance(time.clock());
    });
    return Guice.createInjector(onManualTime);
  }

  /** A support desk's free-text answer from {@code model}, as generated code specifies it. */
  static CallSpec.Builder<String> answering(String model) {
    return CallSpec.builder("Desk.answer", model, 400, OutputFormat.text());
  }

  /** What {@code model} charges, as the bundled catalog says. */
  static TokenPrices prices(String model) {
    return ModelCatalog.bundled().find(model).orElseThrow().prices();
  }

  /** The value of a call, waited for no longer than the servers wait. */
  static <T> T await(CompletableFuture<T> call) throws Exception {
    return call.get(FakeHttpServer.WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The exception a call failed with, as the runtime raised it. */
  static Throwable failure(CompletableFuture<?> call) throws Exception {
    Throwable failure = call.handle((value, error) -> error).get(FakeHttpServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(failure, "the call was answered, but it should have failed");
    return Failures.unwrap(failure);
  }

  @Override
  public void close() {
    openAi.close();
    anthropic.close();
    time.close();
  }
}
