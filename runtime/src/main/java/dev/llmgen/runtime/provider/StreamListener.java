package dev.llmgen.runtime.provider;

import java.util.concurrent.CompletionStage;

/**
 * Where a streamed answer goes as it arrives, and how its consumer says it wants no more.
 */
public interface StreamListener {

  /** The next piece of the answer. Called in order, one call at a time, never after cancellation. */
  void onText(String text);

  /**
   * Completes when the consumer cancels. The provider then stops the HTTP stream at once and completes
   * its future normally with the text that arrived before, finish reason
   * {@link Completion#FINISH_CANCELLED}, and the usage the provider had reported by then, if any (its
   * output count may lag the text), so that what was produced is still counted and paid.
   */
  CompletionStage<Void> cancellation();
}
