package dev.llmgen.runtime;

/**
 * The model answered, but its answer does not fit the method's return type. The raw answer and what
 * it cost are kept, so nothing the model said (and was paid for) is lost.
 */
public class LlmOutputException extends LlmException {

  private final String rawOutput;
  private final String expected;
  private final String model;
  private final int inputTokens;
  private final int outputTokens;
  private final long costNanos;

  public LlmOutputException(
      String message, String expected, String rawOutput, String model, int inputTokens, int outputTokens,
      long costNanos, Throwable cause) {
    super(message, cause);
    this.expected = expected;
    this.rawOutput = rawOutput;
    this.model = model;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.costNanos = costNanos;
  }

  /** The answer exactly as the model wrote it; empty if it wrote no text. */
  public String rawOutput() {
    return rawOutput;
  }

  /** What the answer should have been, e.g. {@code one of LOW, MEDIUM, HIGH}. */
  public String expected() {
    return expected;
  }

  /** The model that answered. */
  public String model() {
    return model;
  }

  public int inputTokens() {
    return inputTokens;
  }

  public int outputTokens() {
    return outputTokens;
  }

  /** What the call cost although its answer could not be used, in nanodollars. */
  public long costNanos() {
    return costNanos;
  }
}
