package dev.llmgen.runtime;

import java.util.List;

/**
 * The runtime's configuration is incomplete or wrong. Thrown once, at start-up, with every problem
 * found and what to set to fix it; the message never contains a secret.
 */
public class LlmConfigurationException extends LlmException {

  private final List<String> problems;

  public LlmConfigurationException(List<String> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String describe(List<String> problems) {
    if (problems.size() == 1) {
      return "llmgen configuration: " + problems.get(0);
    }
    StringBuilder message = new StringBuilder("llmgen configuration has ")
        .append(problems.size()).append(" problems:");
    for (String problem : problems) {
      message.append(System.lineSeparator()).append("  - ").append(problem);
    }
    return message.toString();
  }
}
