package dev.llmgen.runtime.chain;

import java.util.concurrent.CompletionException;

/** Reading the failures of futures, which the JDK wraps as they pass through dependent stages. */
public final class Failures {

  private Failures() {}

  /** The failure that was raised, without the {@link CompletionException}s around it. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
