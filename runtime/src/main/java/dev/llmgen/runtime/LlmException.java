package dev.llmgen.runtime;

/** The root of every failure llmgen reports. Unchecked, so interface methods need no throws clause. */
public abstract class LlmException extends RuntimeException {

  protected LlmException(String message) {
    super(message);
  }

  protected LlmException(String message, Throwable cause) {
    super(message, cause);
  }
}
