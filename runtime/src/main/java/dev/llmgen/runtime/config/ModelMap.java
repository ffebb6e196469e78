package dev.llmgen.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which model the provider is asked for in place of the one an annotation names, so that the same
 * code runs {@code gpt-4o-mini} calls on a local model. Written
 * {@code gpt-4o-mini=llama3.2:3b,gpt-4o=qwen2.5:14b}; {@code *=model} maps every other model.
 */
public final class ModelMap {

  private static final String ANY_MODEL = "*";

  private final Map<String, String> targets;

  private ModelMap(Map<String, String> targets) {
    this.targets = Map.copyOf(targets);
  }

  public static ModelMap identity() {
    return new ModelMap(Map.of());
  }

  /** @throws IllegalArgumentException naming the entry that is not {@code from=to} */
  public static ModelMap parse(String text) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String from = equals < 0 ? "" : entry.substring(0, equals).strip();
      String to = equals < 0 ? "" : entry.substring(equals + 1).strip();
      if (from.isEmpty() || to.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + entry.strip() + "' is not a mapping: write model=target, e.g. gpt-4o-mini=llama3.2:3b");
      }
      targets.put(from, to);
    }
    return new ModelMap(targets);
  }

  /** The model to ask the provider for when code names {@code model}. */
  public String target(String model) {
    return targets.getOrDefault(model, targets.getOrDefault(ANY_MODEL, model));
  }

  @Override
  public String toString() {
    return "ModelMap" + targets;
  }
}
