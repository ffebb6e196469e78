package dev.llmgen.runtime;

import dev.llmgen.runtime.budget.BudgetPolicy;
import dev.llmgen.runtime.cache.CachePolicy;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.ratelimit.RateLimitPolicy;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

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
  }

  /**
   * @param feature names the method in reports and errors, e.g. {@code SupportBot.answer}
   * @param model the model named in code, before the model map
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

    public CallSpec<T> build() {
      return new CallSpec<>(this);
    }
  }
}
