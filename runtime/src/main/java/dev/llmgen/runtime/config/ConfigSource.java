package dev.llmgen.runtime.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from. Every setting has an environment-variable name such as
 * {@code LLMGEN_PROVIDER}; the matching system property is the lower-case name with dots for
 * underscores ({@code llmgen.provider}) and wins over the environment.
 */
@FunctionalInterface
public interface ConfigSource {

  /** The value of the setting named {@code environmentName}, if set and not blank. */
  Optional<String> get(String environmentName);

  /** System properties, then environment variables. */
  static ConfigSource environment() {
    return name -> nonBlank(System.getProperty(propertyName(name)))
        .or(() -> nonBlank(System.getenv(name)));
  }

  /** Fixed values, by environment-variable name: for tests and embedding. */
  static ConfigSource of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return name -> nonBlank(copy.get(name));
  }

  /** The system property matching {@code environmentName}: {@code OPENAI_API_KEY} → {@code openai.api.key}. */
  static String propertyName(String environmentName) {
    return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
