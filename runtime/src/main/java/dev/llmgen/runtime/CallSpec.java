package dev.llmgen.runtime;

import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.cascade.CascadePolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import dev.llmgen.runtime.resilience.RetryOverrides;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything about one service method that does not depend on its arguments: which model, which
 * limits, which answer format. Generated code builds one per method in a {@code static final} field,
 * from literals; the runtime composes its call chain from it once.
 */
public final class CallSpec<T> {

  private final String feature;
  private final String model;
  private final int maxTokens;
  private final String system;
  private final OptionalDouble temperature;
  private final OutputFormat<T> outputFormat;
  private final Optional<CachePolicy> cache;
  private final Optional<BudgetPolicy> budget;
  private final Optional<RateLimitPolicy> rateLimit;
  private final RetryOverrides retry;
  private final Optional<Duration> timeout;
  private final List<String> fallbackModels;
  private final Optional<CascadePolicy> cascade;

  private CallSpec(Builder<T> builder) {
    this.feature = builder.feature;
    this.model = builder.model;
    this.maxTokens = builder.maxTokens;
    this.system = joinSystem(builder.system, builder.outputFormat.instruction());
    this.temperature = builder.temperature;
    this.outputFormat = builder.outputFormat;
    this.cache = Optional.ofNullable(builder.cache);
    this.budget = Optional.ofNullable(builder.budget);
    this.rateLimit = Optional.ofNullable(builder.rateLimit);
    this.retry = new RetryOverrides(builder.maxAttempts, builder.retryBackoff, builder.retryMaxBackoff);
    this.timeout = builder.timeout;
    this.fallbackModels = builder.fallbackModels;
    this.cascade = Optional.ofNullable(builder.cascade);
  }

  /**
   * @param feature names the method in reports and errors, e.g. {@code SupportBot.answer}
   * @param model the model named in code, before the model map; for a cascade, its first model
   */
  public static <T> Builder<T> builder(String feature, String model, int maxTokens, OutputFormat<T> outputFormat) {
    return new Builder<>(feature, model, maxTokens, outputFormat);
  }

  public String feature() {
    return feature;
  }

  public String model() {
    return model;
  }

  public int maxTokens() {
    return maxTokens;
  }

  /** The system message sent: the method's own, followed by the answer-format instruction. */
  public String system() {
    return system;
  }

  public OptionalDouble temperature() {
    return temperature;
  }

  public OutputFormat<T> outputFormat() {
    return outputFormat;
  }

  /** The method's {@code @Cached}, if any. */
  public Optional<CachePolicy> cache() {
    return cache;
  }

  /** The method's {@code @Budget}, if any. */
  public Optional<BudgetPolicy> budget() {
    return budget;
  }

  /** The method's {@code @RateLimited}, if any. */
  public Optional<RateLimitPolicy> rateLimit() {
    return rateLimit;
  }

  /** What the method's {@code @Retry} changes in the configured retry defaults. */
  public RetryOverrides retry() {
    return retry;
  }

  /** The method's {@code @Timeout} for one request, if any; else the configured one applies. */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /** The method's {@code @Fallback} models, in order; empty when it has none. */
  public List<String> fallbackModels() {
    return fallbackModels;
  }

  /** The method's {@code @Cascade}, if any. */
  public Optional<CascadePolicy> cascade() {
    return cascade;
  }

  @Override
  public String toString() {
    return "CallSpec[" + feature + " on " + model + ", maxTokens=" + maxTokens + "]";
  }

  private static String joinSystem(String system, String instruction) {
    if (instruction.isEmpty()) {
      return system;
    }
    return system.isEmpty() ? instruction : system + "\n\n" + instruction;
  }

  /** Builds a {@link CallSpec}; used by generated code. */
  public static final class Builder<T> {
    private final String feature;
    private final String model;
    private final int maxTokens;
    private final OutputFormat<T> outputFormat;
    private String system = "";
    private OptionalDouble temperature = OptionalDouble.empty();
    private CachePolicy cache;
    private BudgetPolicy budget;
    private RateLimitPolicy rateLimit;
    private OptionalInt maxAttempts = OptionalInt.empty();
    private Optional<Duration> retryBackoff = Optional.empty();
    private Optional<Duration> retryMaxBackoff = Optional.empty();
    private Optional<Duration> timeout = Optional.empty();
    private List<String> fallbackModels = List.of();
    private CascadePolicy cascade;

    private Builder(String feature, String model, int maxTokens, OutputFormat<T> outputFormat) {
      this.feature = Objects.requireNonNull(feature, "feature");
      this.model = Objects.requireNonNull(model, "model");
      this.outputFormat = Objects.requireNonNull(outputFormat, "outputFormat");
      if (maxTokens < 1) {
        throw new IllegalArgumentException(feature + ": maxTokens must be at least 1, not " + maxTokens);
      }
      this.maxTokens = maxTokens;
    }

    public Builder<T> system(String system) {
      this.system = Objects.requireNonNull(system, "system");
      return this;
    }

    public Builder<T> temperature(double temperature) {
      if (!(temperature >= 0 && temperature <= 2)) {
        throw new IllegalArgumentException(feature + ": temperature must be in [0, 2], not " + temperature);
      }
      this.temperature = OptionalDouble.of(temperature + 0.0); // -0.0 is 0.0, one cache key
      return this;
    }

    public Builder<T> cache(CachePolicy cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    public Builder<T> budget(BudgetPolicy budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    public Builder<T> rateLimit(RateLimitPolicy rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /** Requests in all, the first included, for a request that fails for a reason that may pass. */
    public Builder<T> maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(feature + ": maxAttempts must be at least 1, not " + maxAttempts);
      }
      this.maxAttempts = OptionalInt.of(maxAttempts);
      return this;
    }

    /** The wait before the first retry. */
    public Builder<T> retryBackoff(Duration backoff) {
      this.retryBackoff = Optional.of(positive(backoff, "retryBackoff"));
      return this;
    }

    /** The longest wait between two requests, the provider's {@code Retry-After} aside. */
    public Builder<T> retryMaxBackoff(Duration maxBackoff) {
      this.retryMaxBackoff = Optional.of(positive(maxBackoff, "retryMaxBackoff"));
      return this;
    }

    /** How long one request may take. */
    public Builder<T> timeout(Duration timeout) {
      this.timeout = Optional.of(positive(timeout, "timeout"));
      return this;
    }

    /** Models to answer, in order, when the method's own model cannot. */
    public Builder<T> fallbackModels(String... models) {
      this.fallbackModels = List.of(models);
      return this;
    }

    public Builder<T> cascade(CascadePolicy cascade) {
      this.cascade = Objects.requireNonNull(cascade, "cascade");
      return this;
    }

    public CallSpec<T> build() {
      if (cascade != null && !cascade.models().get(0).equals(model)) {
        throw new IllegalArgumentException(
            feature + ": the model " + model + " must be the first model of the cascade " + cascade.models());
      }
      return new CallSpec<>(this);
    }
  
    private Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(feature + ": " + what + " must be positive, not " + duration);
      }
      return duration;
    }
  }
}
