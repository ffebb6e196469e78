package dev.llmgen.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * A subscriber that remembers every signal it gets, in order, and requests only what it is told to:
 * {@code initialDemand} on subscription, then whatever {@link #request} asks.
 */
public final class RecordingSubscriber implements Flow.Subscriber<String> {

  /** A signal as it arrived: {@code next}, {@code complete} or {@code error}, with its piece or failure. */
  public record Signal(String kind, String piece, Throwable failure) {}

  private final long initialDemand;
  private final List<Signal> signals = new CopyOnWriteArrayList<>();
  private volatile BiConsumer<RecordingSubscriber, String> onEachPiece = (subscriber, piece) -> {};
  private volatile Flow.Subscription subscription;

  /** @param initialDemand what to request on subscription; 0 for nothing */
  public RecordingSubscriber(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  /** Runs {@code action} after recording each piece, inside {@code onNext}. */
  public RecordingSubscriber onEachPiece(BiConsumer<RecordingSubscriber, String> action) {
    this.onEachPiece = action;
    return this;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (initialDemand > 0) {
      subscription.request(initialDemand);
    }
  }

  @Override
  public void onNext(String piece) {
    signals.add(new Signal("next", piece, null));
    onEachPiece.accept(this, piece);
  }

  @Override
  public void onError(Throwable failure) {
    signals.add(new Signal("error", null, failure));
  }

  @Override
  public void onComplete() {
    signals.add(new Signal("complete", null, null));
  }

  public void request(long n) {
    subscription.request(n);
  }

  public void cancel() {
    subscription.cancel();
  }

  public boolean subscribed() {
    return subscription != null;
  }

  public List<Signal> signals() {
    return List.copyOf(signals);
  }

  public List<String> pieces() {
    return signals.stream().filter(signal -> signal.kind().equals("next")).map(Signal::piece).toList();
  }

  /** The signals that end a stream; a well-behaved publisher sends at most one. */
  public List<Signal> terminalSignals() {
    return signals.stream().filter(signal -> !signal.kind().equals("next")).toList();
  }

  public boolean completed() {
    return signals.stream().anyMatch(signal -> signal.kind().equals("complete"));
  }

  public Optional<Throwable> failure() {
    return signals.stream().filter(signal -> signal.kind().equals("error")).map(Signal::failure).findFirst();
  }
}
