package dev.llmgen.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmConfigurationException;
import dev.llmgen.runtime.provider.simulated.SimulatedFault;
import dev.llmgen.runtime.provider.simulated.SimulatedSettings;
import dev.llmgen.runtime.resilience.ResilienceSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LlmSettingsTest {

  private static final String SECRET = "sk-test-4f1c2a9e7b3d";

  private static LlmSettings settings(String... namesAndValues) {
    return LlmSettings.from(ConfigSource.of(map(namesAndValues)));
  }

  private static LlmConfigurationException problems(String... namesAndValues) {
    return assertThrows(LlmConfigurationException.class, () -> settings(namesAndValues));
  }

  private static Map<String, String> map(String... namesAndValues) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  @Test
  void nothingSetMeansTheSimulatedModelWithDefaults() {
    LlmSettings settings = settings();

    assertEquals(ProviderKind.SIMULATED, settings.provider());
    assertEquals(URI.create("https://api.openai.com/v1"), settings.openAiBaseUri());
    assertEquals(Optional.empty(), settings.openAiApiKey());
    assertEquals(Duration.ofSeconds(60), settings.timeout());
    assertEquals("gpt-4o-mini", settings.modelMap().target("gpt-4o-mini"));
    assertEquals(Optional.empty(), settings.catalogFile());
    assertEquals(SimulatedSettings.DEFAULT, settings.simulated());
    assertEquals(ZoneOffset.UTC, settings.budgetZone());
    assertEquals(Path.of(System.getProperty("user.home"), ".llmgen", "budget-ledger.journal"), settings.budgetLedger());
  }

  @Test
  void budgetWindowsFollowTheConfiguredZoneAndLedger() {
    LlmSettings settings = settings(
        LlmSettings.BUDGET_ZONE, "Europe/Paris", LlmSettings.BUDGET_LEDGER, "/var/lib/app/budget.journal");

    assertEquals(ZoneId.of("Europe/Paris"), settings.budgetZone());
    assertEquals(Path.of("/var/lib/app/budget.journal"), settings.budgetLedger());
  }

  @Test
  void anUnknownZoneIsAProblem() {
    assertTrue(problems(LlmSettings.BUDGET_ZONE, "Mars/Olympus").getMessage()
        .contains("LLMGEN_BUDGET_ZONE: 'Mars/Olympus' is not a time zone: write UTC, Europe/Paris or +02:00"));
  }

  @Test
  void blankValuesCountAsUnset() {
    assertEquals(ProviderKind.SIMULATED, settings(LlmSettings.OPENAI_API_KEY, "   ", LlmSettings.PROVIDER, "").provider());
  }

  @Test
  void anApiKeyRoutesModelsToTheirProviders() {
    LlmSettings settings = settings(LlmSettings.OPENAI_API_KEY, SECRET);

    assertEquals(ProviderKind.AUTO, settings.provider());
    assertTrue(settings.openAiUsable());
    assertFalse(settings.anthropicUsable());
    assertEquals(Optional.of(new ApiKey(SECRET)), settings.openAiApiKey());
    assertEquals("Bearer " + SECRET, settings.openAiApiKey().orElseThrow().bearerToken());
  }

  @Test
  void aLocalBaseUrlNeedsNoKey() {
    LlmSettings settings = settings(LlmSettings.OPENAI_BASE_URL, "http://localhost:11434/v1/");

    assertEquals(ProviderKind.AUTO, settings.provider());
    assertTrue(settings.openAiUsable());
    assertEquals(URI.create("http://localhost:11434/v1"), settings.openAiBaseUri());
    assertEquals(Optional.empty(), settings.openAiApiKey());
  }

  @Test
  void anExplicitProviderWins() {
    assertEquals(ProviderKind.SIMULATED,
        settings(LlmSettings.PROVIDER, "simulated", LlmSettings.OPENAI_API_KEY, SECRET).provider());
    assertEquals(ProviderKind.OPENAI,
        settings(LlmSettings.PROVIDER, "OpenAI", LlmSettings.OPENAI_API_KEY, SECRET).provider());
  }

  @Test
  void openAiWithoutAKeyIsOneReadableProblemNamingTheKey() {
    LlmConfigurationException error = problems(LlmSettings.PROVIDER, "openai");

    assertEquals(1, error.problems().size());
    assertTrue(error.getMessage().startsWith(
        "llmgen configuration: LLMGEN_PROVIDER=openai calls https://api.openai.com/v1, which needs an API key: set "
            + "OPENAI_API_KEY (or -Dopenai.api.key)"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
  }

  @Test
  void openAisOwnBaseUrlNeedsAKeyToo() {
    LlmConfigurationException error = problems(
        LlmSettings.PROVIDER, "openai", LlmSettings.OPENAI_BASE_URL, "https://API.openai.com/v1");

    assertTrue(error.getMessage().contains("OPENAI_API_KEY"), error.getMessage());
  }

  @Test
  void everyProblemIsReportedTogether() {
    LlmConfigurationException error = problems(
        LlmSettings.PROVIDER, "openai",
        LlmSettings.TIMEOUT, "soon",
        LlmSettings.MODEL_MAP, "gpt-4o-mini",
        LlmSettings.SIMULATED_FAULTS, "bogus=0.1",
        LlmSettings.SIMULATED_LATENCY_SCALE, "-1");

    assertEquals(5, error.problems().size(), error.getMessage());
    assertTrue(error.getMessage().startsWith("llmgen configuration has 5 problems:"), error.getMessage());
    for (String name : new String[] {
        "OPENAI_API_KEY", "LLMGEN_TIMEOUT: 'soon' is not a duration", "LLMGEN_MODEL_MAP: 'gpt-4o-mini' is not a mapping",
        "LLMGEN_SIMULATED_FAULTS: 'bogus' is not a simulated fault", "LLMGEN_SIMULATED_LATENCY_SCALE: '-1'"}) {
      assertTrue(error.getMessage().contains(name), name + " in " + error.getMessage());
    }
  }

  @Test
  void theKeyNeverAppearsInProblems() {
    LlmConfigurationException error = problems(
        LlmSettings.OPENAI_API_KEY, SECRET,
        LlmSettings.TIMEOUT, SECRET,
        LlmSettings.OPENAI_BASE_URL, SECRET,
        LlmSettings.MODEL_MAP, SECRET);

    assertEquals(3, error.problems().size(), error.getMessage());
    assertFalse(error.getMessage().contains(SECRET), error.getMessage());
    assertTrue(error.problems().stream().noneMatch(problem -> problem.contains(SECRET)), error.problems()::toString);
    assertTrue(error.getMessage().contains("****"), error.getMessage());
  }

  @Test
  void theKeyNeverAppearsInTheSettingsText() {
    LlmSettings settings = settings(LlmSettings.OPENAI_API_KEY, "  " + SECRET + "  ");

    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertEquals("ApiKey[****]", settings.openAiApiKey().orElseThrow().toString());
    assertEquals("Bearer " + SECRET, settings.openAiApiKey().orElseThrow().bearerToken());
    assertEquals("auth failed for ****", new ApiKey(SECRET).redact("auth failed for " + SECRET));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:11434", "ftp://example.com/v1", "not a url", "http://"})
  void aBaseUrlMustBeHttp(String url) {
    LlmConfigurationException error = problems(LlmSettings.OPENAI_BASE_URL, url);

    assertTrue(error.getMessage().contains("OPENAI_BASE_URL"), error.getMessage());
  }

  @Test
  void anUnknownProviderIsAProblem() {
    LlmConfigurationException error = problems(LlmSettings.PROVIDER, "gemini");

    assertTrue(error.getMessage().contains("'gemini' is not a provider; use auto, openai, anthropic or simulated"),
        error.getMessage());
  }

  @Test
  void aCircuitCannotWaitForMoreCallsThanItsWindowHolds() {
    LlmConfigurationException error =
        problems(LlmSettings.CIRCUIT_WINDOW, "4", LlmSettings.CIRCUIT_MIN_CALLS, "5");

    assertTrue(error.getMessage().contains("LLMGEN_CIRCUIT_MIN_CALLS: minimumCalls (5) must not be more than"
        + " slidingWindowSize (4)"), error.getMessage());
  }

  @Test
  void aBackoffAboveTheDefaultCapRaisesTheCapAsARetryAnnotationWould() {
    LlmSettings settings = settings(LlmSettings.RETRY_BACKOFF, "1m");

    assertEquals(Duration.ofMinutes(1), settings.resilience().retry().backoff());
    assertEquals(Duration.ofMinutes(1), settings.resilience().retry().maxBackoff());
    assertTrue(problems(LlmSettings.RETRY_BACKOFF, "1m", LlmSettings.RETRY_MAX_BACKOFF, "10s").getMessage()
        .contains("LLMGEN_RETRY_MAX_BACKOFF: maxBackoff (PT10S) must not be shorter than backoff (PT1M)"));
  }

  @Test
  void resilienceDefaultsCanBeChangedOneByOne() {
    LlmSettings settings = settings(LlmSettings.RETRY_MAX_ATTEMPTS, "5", LlmSettings.CIRCUIT_OPEN_FOR, "1m",
        LlmSettings.ADAPTIVE_LIMITS, "off", LlmSettings.CIRCUIT_FAILURE_RATE, "25%");

    assertEquals(5, settings.resilience().retry().maxAttempts());
    assertEquals(ResilienceSettings.DEFAULTS.retry().backoff(), settings.resilience().retry().backoff());
    assertEquals(Duration.ofMinutes(1), settings.resilience().circuitBreaker().openDuration());
    assertEquals(25.0, settings.resilience().circuitBreaker().failureRateThreshold());
    assertFalse(settings.resilience().adaptiveLimiting());
  }

  @Test
  void anAnthropicKeyMakesAnthropicUsable() {
    LlmSettings settings = settings(LlmSettings.ANTHROPIC_API_KEY, SECRET);

    assertEquals(ProviderKind.AUTO, settings.provider());
    assertTrue(settings.anthropicUsable());
    assertFalse(settings.openAiUsable());
    assertEquals(LlmSettings.ANTHROPIC_DEFAULT_BASE_URI, settings.anthropicBaseUri());
  }

  @Test
  void anthropicWithoutAKeyIsAProblemThatNeverQuotesOtherKeys() {
    LlmConfigurationException error =
        problems(LlmSettings.PROVIDER, "anthropic", LlmSettings.OPENAI_API_KEY, SECRET, LlmSettings.TIMEOUT, SECRET);

    assertTrue(error.getMessage().contains("LLMGEN_PROVIDER=anthropic calls https://api.anthropic.com, which needs an"
        + " API key: set ANTHROPIC_API_KEY"), error.getMessage());
    assertFalse(error.getMessage().contains(SECRET), error.getMessage());
  }

  @Test
  void theTimeoutMustBePositive() {
    assertEquals(Duration.ofMillis(1500), settings(LlmSettings.TIMEOUT, "1500ms").timeout());
    assertTrue(problems(LlmSettings.TIMEOUT, "0s").getMessage().contains("must be longer than zero"));
    assertTrue(problems(LlmSettings.TIMEOUT, "PT-5S").getMessage().contains("must be longer than zero"));
  }

  @Test
  void theCostLedgerKeepsThirtyOneDaysUnlessToldAndAtLeastToday() {
    assertEquals(31, LlmSettings.from(ConfigSource.of(Map.of())).costLedgerDays());
    assertEquals(90, settings(LlmSettings.COST_LEDGER_DAYS, "90").costLedgerDays());
    LlmConfigurationException error = problems(LlmSettings.COST_LEDGER_DAYS, "0");
    assertTrue(error.getMessage().contains("LLMGEN_COST_LEDGER_DAYS"), error.getMessage());
    assertTrue(error.getMessage().contains("at least 1"), error.getMessage());
  }

  @Test
  void aTimeoutTooLongForADurationIsAProblemNotACrash() {
    LlmConfigurationException error = problems(LlmSettings.TIMEOUT, "999999999999999999d");

    assertTrue(error.getMessage().contains("LLMGEN_TIMEOUT"), error.getMessage());
  }

  @Test
  void theCatalogFileMustBeReadable(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("models.csv"), "model\n");
    Path missing = directory.resolve("missing.csv");

    assertEquals(Optional.of(file), settings(LlmSettings.MODEL_CATALOG, file.toString()).catalogFile());
    LlmConfigurationException error = problems(LlmSettings.MODEL_CATALOG, missing.toString());
    assertTrue(error.getMessage().contains("LLMGEN_MODEL_CATALOG: cannot read the file " + missing.toAbsolutePath()),
        error.getMessage());
  }

  @Test
  void simulatedSettingsAreRead() {
    LlmSettings settings = settings(
        LlmSettings.SIMULATED_LATENCY_SCALE, "0",
        LlmSettings.SIMULATED_FAULTS, "rate_limit=0.05, server_error=0.02",
        LlmSettings.SIMULATED_SEED, "7");

    assertEquals(new SimulatedSettings(
        0, Map.of(SimulatedFault.RATE_LIMIT, 0.05, SimulatedFault.SERVER_ERROR, 0.02), 7L), settings.simulated());
  }

  @Test
  void faultRatesAddingUpToMoreThanOneAreAProblem() {
    LlmConfigurationException error = problems(LlmSettings.SIMULATED_FAULTS, "rate_limit=0.7,server_error=0.6");

    assertTrue(error.getMessage().contains("LLMGEN_SIMULATED_FAULTS: the fault rates add up to"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "NaN", "-0.5", "Infinity"})
  void theLatencyScaleMustBeAFiniteNumberFromZero(String scale) {
    LlmConfigurationException error = problems(LlmSettings.SIMULATED_LATENCY_SCALE, scale);

    assertTrue(error.getMessage().contains(
        "LLMGEN_SIMULATED_LATENCY_SCALE: '" + scale + "' is not a scale: write 0 (no delay), 1 (realistic)"),
        error.getMessage());
  }

  @Test
  void theSeedMustBeAWholeNumber() {
    assertTrue(problems(LlmSettings.SIMULATED_SEED, "lucky").getMessage()
        .contains("LLMGEN_SIMULATED_SEED: 'lucky' is not a seed: write a whole number such as 42"));
  }

  @Test
  void modelMapMapsNamedModels() {
    ModelMap map = ModelMap.parse("gpt-4o-mini=llama3.2:3b, gpt-4o = qwen2.5:14b,,");

    assertEquals("llama3.2:3b", map.target("gpt-4o-mini"));
    assertEquals("qwen2.5:14b", map.target("gpt-4o"));
    assertEquals("o3", map.target("o3"));
  }

  @Test
  void modelMapWildcardMapsEveryOtherModel() {
    ModelMap map = ModelMap.parse("*=llama3.2:3b,gpt-4o=qwen2.5:14b");

    assertEquals("qwen2.5:14b", map.target("gpt-4o"));
    assertEquals("llama3.2:3b", map.target("gpt-4o-mini"));
    assertEquals("llama3.2:3b", map.target("claude-sonnet-4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o-mini", "=llama3.2:3b", "gpt-4o-mini=", "a=b,oops"})
  void modelMapRejectsEntriesThatAreNotMappings(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ModelMap.parse(text));

    assertTrue(error.getMessage().contains("is not a mapping: write model=target"), error.getMessage());
  }

  @Test
  void theModelMapIsReadFromSettings() {
    assertEquals("llama3.2:3b", settings(LlmSettings.MODEL_MAP, "*=llama3.2:3b").modelMap().target("gpt-4o"));
  }

  @Test
  void faultRatesAreParsed() {
    assertEquals(
        Map.of(SimulatedFault.RATE_LIMIT, 0.05, SimulatedFault.SERVER_ERROR, 0.02, SimulatedFault.TIMEOUT, 0.01),
        SimulatedSettings.parseFaultRates("rate_limit=0.05,server_error=0.02,timeout=0.01"));
    assertEquals(Map.of(SimulatedFault.RATE_LIMIT, 1.0), SimulatedSettings.parseFaultRates(" RATE_LIMIT = 1 ,"));
    assertEquals(Map.of(), SimulatedSettings.parseFaultRates(""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bogus=0.1|'bogus' is not a simulated fault; known faults: rate_limit, server_error, timeout",
      "rate_limit|'rate_limit' has no rate: write rate_limit=0.05",
      "timeout=often|'often' is not a probability for timeout"})
  void badFaultRatesSayWhatIsWrong(String text, String message) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> SimulatedSettings.parseFaultRates(text));

    assertEquals(message, error.getMessage());
  }

  @Test
  void faultRatesMustBeProbabilities() {
    assertThrows(IllegalArgumentException.class,
        () -> new SimulatedSettings(1, Map.of(SimulatedFault.TIMEOUT, 1.5), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SimulatedSettings(1, Map.of(SimulatedFault.TIMEOUT, -0.1), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SimulatedSettings(1, Map.of(SimulatedFault.TIMEOUT, 0.6, SimulatedFault.RATE_LIMIT, 0.6), 1));
  }

  @Test
  void environmentNamesMapToSystemProperties() {
    assertEquals("openai.api.key", ConfigSource.propertyName("OPENAI_API_KEY"));
    assertEquals("llmgen.simulated.latency.scale", ConfigSource.propertyName(LlmSettings.SIMULATED_LATENCY_SCALE));
  }
}
