package dev.llmgen.runtime.provider.openai;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.llmgen.runtime.provider.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records the pieces a stream hands over, as they arrive, and cancels when the test says so. */
final class RecordingListener implements StreamListener {

  private final BlockingQueue<String> pieces = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final CompletableFuture<Void> cancellation = new CompletableFuture<>();

  @Override
  public synchronized void onText(String text) {
    pieces.add(text);
    all.add(text);
  }

  @Override
  public CompletionStage<Void> cancellation() {
    return cancellation;
  }

  void cancel() {
    cancellation.complete(null);
  }

  /** The next piece, waiting for it to arrive. */
  String nextPiece() throws InterruptedException {
    String piece = pieces.poll(10, TimeUnit.SECONDS);
    assertNotNull(piece, "no piece of text arrived");
    return piece;
  }

  /** Every piece so far, in order. */
  synchronized List<String> pieces() {
    return List.copyOf(all);
  }
}
