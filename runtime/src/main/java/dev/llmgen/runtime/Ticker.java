package dev.llmgen.runtime;

/** A source of nanosecond time for measuring latency; tests bind a fake one. */
@FunctionalInterface
public interface Ticker {

  long nanoTime();

  static Ticker system() {
    return System::nanoTime;
  }
}
