package dev.llmgen.runtime.config;

import dev.llmgen.runtime.LlmConfigurationException;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.provider.simulated.SimulatedSettings;
import dev.llmgen.runtime.resilience.CircuitBreakerPolicy;
import dev.llmgen.runtime.resilience.ResilienceSettings;
import dev.llmgen.runtime.resilience.RetryOverrides;
import dev.llmgen.units.Durations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the runtime reads from its configuration, checked at once: {@link #from} reports every
 * problem together in one {@link LlmConfigurationException}. Names are documented in
 * {@code docs/configuration.md}.
 */
public record LlmSettings(
    ProviderKind provider,
    URI openAiBaseUri,
    Optional<ApiKey> openAiApiKey,
    URI anthropicBaseUri,
    Optional<ApiKey> anthropicApiKey,
    Duration timeout,
    ModelMap modelMap,
    Optional<Path> catalogFile,
    SimulatedSettings simulated,
    ZoneId budgetZone,
    Path budgetLedger,
    String judgeModel,
    int costLedgerDays,
    ResilienceSettings resilience) {

  public static final String PROVIDER = "LLMGEN_PROVIDER";
  public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
  public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
  public static final String ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";
  public static final String ANTHROPIC_BASE_URL = "ANTHROPIC_BASE_URL";
  public static final String TIMEOUT = "LLMGEN_TIMEOUT";
  public static final String MODEL_MAP = "LLMGEN_MODEL_MAP";
  public static final String MODEL_CATALOG = "LLMGEN_MODEL_CATALOG";
  public static final String SIMULATED_LATENCY_SCALE = "LLMGEN_SIMULATED_LATENCY_SCALE";
  public static final String SIMULATED_FAULTS = "LLMGEN_SIMULATED_FAULTS";
  public static final String SIMULATED_SEED = "LLMGEN_SIMULATED_SEED";
  public static final String BUDGET_ZONE = "LLMGEN_BUDGET_ZONE";
  public static final String BUDGET_LEDGER = "LLMGEN_BUDGET_LEDGER";
  public static final String JUDGE_MODEL = "LLMGEN_JUDGE_MODEL";
  public static final String COST_LEDGER_DAYS = "LLMGEN_COST_LEDGER_DAYS";
  public static final String RETRY_MAX_ATTEMPTS = "LLMGEN_RETRY_MAX_ATTEMPTS";
  public static final String RETRY_BACKOFF = "LLMGEN_RETRY_BACKOFF";
  public static final String RETRY_MAX_BACKOFF = "LLMGEN_RETRY_MAX_BACKOFF";
  public static final String MAX_RETRY_AFTER = "LLMGEN_MAX_RETRY_AFTER";
  public static final String CIRCUIT_FAILURE_RATE = "LLMGEN_CIRCUIT_FAILURE_RATE";
  public static final String CIRCUIT_WINDOW = "LLMGEN_CIRCUIT_WINDOW";
  public static final String CIRCUIT_MIN_CALLS = "LLMGEN_CIRCUIT_MIN_CALLS";
  public static final String CIRCUIT_OPEN_FOR = "LLMGEN_CIRCUIT_OPEN_FOR";
  public static final String CIRCUIT_PROBES = "LLMGEN_CIRCUIT_PROBES";
  public static final String ADAPTIVE_LIMITS = "LLMGEN_ADAPTIVE_LIMITS";

  /** The model {@code JudgeScorer} asks unless {@value #JUDGE_MODEL} names another. */
  public static final String DEFAULT_JUDGE_MODEL = "gpt-4o-mini";

  /** Where spending is journalled unless {@value #BUDGET_LEDGER} says otherwise. */
  public static final Path DEFAULT_BUDGET_LEDGER =
      Path.of(System.getProperty("user.home"), ".llmgen", "budget-ledger.journal");

  public static final URI OPENAI_DEFAULT_BASE_URI = URI.create("https://api.openai.com/v1");
  public static final URI ANTHROPIC_DEFAULT_BASE_URI = URI.create("https://api.anthropic.com");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** @throws LlmConfigurationException listing every problem found */
  public static LlmSettings from(ConfigSource config) {
    Reader reader = new Reader(config);
    Optional<ApiKey> apiKey = config.get(OPENAI_API_KEY).map(ApiKey::new);
    Optional<URI> baseUri = reader.read(OPENAI_BASE_URL, LlmSettings::parseBaseUri);
    Optional<ApiKey> anthropicKey = config.get(ANTHROPIC_API_KEY).map(ApiKey::new);
    Optional<URI> anthropicUri = reader.read(ANTHROPIC_BASE_URL, LlmSettings::parseBaseUri);
    boolean anyConfigured =
        apiKey.isPresent() || baseUri.isPresent() || anthropicKey.isPresent() || anthropicUri.isPresent();
    ProviderKind provider = reader.read(PROVIDER, LlmSettings::parseProvider)
        .orElse(anyConfigured ? ProviderKind.AUTO : ProviderKind.SIMULATED);
    URI openAiBaseUri = baseUri.orElse(OPENAI_DEFAULT_BASE_URI);
    URI anthropicBaseUri = anthropicUri.orElse(ANTHROPIC_DEFAULT_BASE_URI);
    if (provider == ProviderKind.OPENAI && !usable(apiKey, openAiBaseUri)) {
      reader.problems.add(PROVIDER + "=openai calls " + openAiBaseUri + ", which needs an API key: set "
          + OPENAI_API_KEY + " (or -D" + ConfigSource.propertyName(OPENAI_API_KEY) + "), point "
          + OPENAI_BASE_URL + " at a server that needs none, or set " + PROVIDER + "=simulated");
    }
    if (provider == ProviderKind.ANTHROPIC && anthropicKey.isEmpty()) {
      reader.problems.add(PROVIDER + "=anthropic calls " + anthropicBaseUri + ", which needs an API key: set "
          + ANTHROPIC_API_KEY + " (or -D" + ConfigSource.propertyName(ANTHROPIC_API_KEY) + "), or set " + PROVIDER
          + "=simulated");
    }
    if (provider == ProviderKind.AUTO && !anyConfigured) {
      reader.problems.add(PROVIDER + "=auto sends each model to its provider, but none is configured: set "
          + OPENAI_API_KEY + " or " + OPENAI_BASE_URL + ", and " + ANTHROPIC_API_KEY + " for Anthropic's models");
    }
    Duration timeout = reader.read(TIMEOUT, LlmSettings::parsePositiveDuration).orElse(DEFAULT_TIMEOUT);
    ModelMap modelMap = reader.read(MODEL_MAP, ModelMap::parse).orElse(ModelMap.identity());
    Optional<Path> catalogFile = reader.read(MODEL_CATALOG, LlmSettings::parseReadableFile);
    ZoneId budgetZone = reader.read(BUDGET_ZONE, LlmSettings::parseZone).orElse(ZoneOffset.UTC);
    Path budgetLedger = reader.read(BUDGET_LEDGER, Path::of).orElse(DEFAULT_BUDGET_LEDGER);
    String judgeModel = config.get(JUDGE_MODEL).orElse(DEFAULT_JUDGE_MODEL);
    int costLedgerDays =
        reader.read(COST_LEDGER_DAYS, value -> parseCount(value, 1)).orElse(CostLedger.DEFAULT_RETENTION_DAYS);
    ResilienceSettings resilience = resilience(reader);
    double latencyScale = reader.read(SIMULATED_LATENCY_SCALE, LlmSettings::parseLatencyScale)
        .orElse(SimulatedSettings.DEFAULT.latencyScale());
    var faultRates = reader.read(SIMULATED_FAULTS, SimulatedSettings::parseFaultRates)
        .orElse(SimulatedSettings.DEFAULT.faultRates());
    long seed = reader.read(SIMULATED_SEED, LlmSettings::parseSeed).orElse(SimulatedSettings.DEFAULT.seed());
    SimulatedSettings simulated = reader.build(
        SIMULATED_FAULTS, () -> new SimulatedSettings(latencyScale, faultRates, seed), SimulatedSettings.DEFAULT);
    if (!reader.problems.isEmpty()) {
      // A key pasted into the wrong setting would otherwise be quoted back in its problem.
      throw new LlmConfigurationException(
          reader.problems.stream().map(problem -> redact(problem, apiKey, anthropicKey)).toList());
    }
    return new LlmSettings(
        provider, openAiBaseUri, apiKey, anthropicBaseUri, anthropicKey, timeout, modelMap, catalogFile, simulated,
        budgetZone, budgetLedger, judgeModel, costLedgerDays, resilience);
  }

  /** The retry, circuit-breaker and adaptive-limiting defaults, each overridable on its own. */
  private static ResilienceSettings resilience(Reader reader) {
    ResilienceSettings defaults = ResilienceSettings.DEFAULTS;
    // The same rule as a method's @Retry: a backoff raised above the default cap raises the cap with it.
    RetryOverrides configured = new RetryOverrides(
        reader.read(RETRY_MAX_ATTEMPTS, value -> parseCount(value, 1)).map(OptionalInt::of).orElse(OptionalInt.empty()),
        reader.read(RETRY_BACKOFF, LlmSettings::parsePositiveDuration),
        reader.read(RETRY_MAX_BACKOFF, LlmSettings::parsePositiveDuration));
    Duration maxRetryAfter =
        reader.read(MAX_RETRY_AFTER, LlmSettings::parsePositiveDuration).orElse(defaults.retry().maxRetryAfter());
    CircuitBreakerPolicy circuit = defaults.circuitBreaker();
    double failureRate =
        reader.read(CIRCUIT_FAILURE_RATE, LlmSettings::parsePercentage).orElse(circuit.failureRateThreshold());
    int window = reader.read(CIRCUIT_WINDOW, value -> parseCount(value, 1)).orElse(circuit.slidingWindowSize());
    int minCalls = reader.read(CIRCUIT_MIN_CALLS, value -> parseCount(value, 1)).orElse(circuit.minimumCalls());
    Duration openFor =
        reader.read(CIRCUIT_OPEN_FOR, LlmSettings::parsePositiveDuration).orElse(circuit.openDuration());
    int probes = reader.read(CIRCUIT_PROBES, value -> parseCount(value, 1)).orElse(circuit.halfOpenCalls());
    boolean adaptive = reader.read(ADAPTIVE_LIMITS, LlmSettings::parseSwitch).orElse(defaults.adaptiveLimiting());
    return new ResilienceSettings(
        reader.build(RETRY_MAX_BACKOFF, () -> defaults.retryPolicy(configured).withMaxRetryAfter(maxRetryAfter),
            defaults.retry()),
        reader.build(CIRCUIT_MIN_CALLS,
            () -> new CircuitBreakerPolicy(failureRate, window, minCalls, openFor, probes), circuit),
        adaptive);
  }

  /** The OpenAI-compatible server can be called: with a key, or at a server of one's own. */
  public boolean openAiUsable() {
    return usable(openAiApiKey, openAiBaseUri);
  }

  /** Anthropic can be called: it has a key, which the Messages API always asks for. */
  public boolean anthropicUsable() {
    return anthropicApiKey.isPresent();
  }

  /** Local servers usually need no key; OpenAI's own API always does. */
  private static boolean usable(Optional<ApiKey> key, URI baseUri) {
    return key.isPresent() || !baseUri.getHost().equalsIgnoreCase(OPENAI_DEFAULT_BASE_URI.getHost());
  }

  private static String redact(String problem, Optional<ApiKey> openAiKey, Optional<ApiKey> anthropicKey) {
    String redacted = openAiKey.map(key -> key.redact(problem)).orElse(problem);
    return anthropicKey.map(key -> key.redact(redacted)).orElse(redacted);
  }

  private static ProviderKind parseProvider(String value) {
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind.configName().equals(value.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a provider; use auto, openai, anthropic or simulated");
  }

  private static URI parseBaseUri(String value) {
    URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("'" + value + "' is not an http(s) URL such as http://localhost:11434/v1");
    }
    return uri;
  }

  private static Duration parsePositiveDuration(String value) {
    Duration duration = Durations.parse(value);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("'" + value + "' must be longer than zero");
    }
    return duration;
  }

  private static Path parseReadableFile(String value) {
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("cannot read the file " + path.toAbsolutePath());
    }
    return path;
  }

  private static double parseLatencyScale(String value) {
    double scale;
    try {
      scale = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      scale = Double.NaN;
    }
    if (!(scale >= 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("'" + value + "' is not a scale: write 0 (no delay), 1 (realistic) or another finite number");
    }
    return scale;
  }

  private static int parseCount(String value, int minimum) {
    int count;
    try {
      count = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      count = minimum - 1;
    }
    if (count < minimum) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number of at least " + minimum);
    }
    return count;
  }

  private static double parsePercentage(String value) {
    double percentage;
    try {
      percentage = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
    } catch (NumberFormatException e) {
      percentage = Double.NaN;
    }
    if (!(percentage > 0 && percentage <= 100)) {
      throw new IllegalArgumentException("'" + value + "' is not a percentage above 0 and at most 100, such as 50");
    }
    return percentage;
  }

  private static boolean parseSwitch(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes" -> true;
      case "false", "off", "no" -> false;
      default -> throw new IllegalArgumentException("'" + value + "' is neither true nor false");
    };
  }

  private static ZoneId parseZone(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + value + "' is not a time zone: write UTC, Europe/Paris or +02:00");
    }
  }

  private static long parseSeed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a seed: write a whole number such as 42");
    }
  }

  /** Reads settings and collects what is wrong with them instead of stopping at the first. */
  private static final class Reader {
    private final ConfigSource config;
    private final List<String> problems = new ArrayList<>();

    Reader(ConfigSource config) {
      this.config = config;
    }

    <T> Optional<T> read(String name, Function<String, T> parser) {
      Optional<String> value = config.get(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parser.apply(value.get()));
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage());
        return Optional.empty();
      }
    }

    <T> T build(String name, Supplier<T> builder, T fallback) {
      try {
        return builder.get();
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage());
        return fallback;
      }
    }
  }
}
