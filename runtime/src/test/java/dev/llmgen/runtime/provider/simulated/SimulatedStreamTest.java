package dev.llmgen.runtime.provider.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.StreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SimulatedStreamTest {

  private static final ModelCatalog CATALOG = ModelCatalog.bundled();
  private static final TokenCounter TOKENS = new TokenCounter();
  private static final SimulatedSettings INSTANT = new SimulatedSettings(0, Map.of(), 42L);
  private static final String PROMPT = "How do I reset the router password?";

  /** Records the pieces, and cancels once it has {@code cancelAfter} of them. */
  private static final class Listener implements StreamListener {

    private final List<String> pieces = new ArrayList<>();
    private final CompletableFuture<Void> cancellation = new CompletableFuture<>();
    private final int cancelAfter;

    Listener(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public synchronized void onText(String text) {
      pieces.add(text);
      if (pieces.size() == cancelAfter) {
        cancellation.complete(null);
      }
    }

    @Override
    public CompletionStage<Void> cancellation() {
      return cancellation;
    }

    synchronized List<String> pieces() {
      return List.copyOf(pieces);
    }

    synchronized String text() {
      return String.join("", pieces);
    }
  }

  private static Listener listener() {
    return new Listener(Integer.MAX_VALUE);
  }

  private static SimulatedProvider provider(SimulatedSettings settings) {
    return new SimulatedProvider(settings, CATALOG, TOKENS, Duration.ofSeconds(60));
  }

  private static ChatRequest request(String model, int maxTokens, Optional<Duration> timeout) {
    return new ChatRequest(model, "Answer in a few sentences.", PROMPT, maxTokens, OptionalDouble.empty(),
        new ResponseFormat.Text(), true, timeout);
  }

  @Test
  void handsOverTheWholeAnswerOneTokenAtATime() {
    ChatRequest request = request("gpt-4o-mini", 500, Optional.empty());
    Listener listener = listener();

    CompletableFuture<Completion> streamed = provider(INSTANT).stream(request, listener);

    assertTrue(streamed.isDone(), "with latency scale 0 the stream is over at once");
    Completion whole = provider(INSTANT).complete(request).join();
    assertEquals(whole, streamed.join(), "the same answer, usage and logprobs as without a stream");
    assertEquals(whole.text(), listener.text());
    assertEquals(whole.usage().orElseThrow().outputTokens(), listener.pieces().size());
  }

  @Test
  void cancellingStopsThePiecesAndKeepsTheTextSoFar() {
    ChatRequest request = request("gpt-4o-mini", 500, Optional.empty());
    Listener listener = new Listener(3);

    Completion cancelled = provider(INSTANT).stream(request, listener).join();

    Completion whole = provider(INSTANT).complete(request).join();
    assertEquals(3, listener.pieces().size());
    assertEquals(listener.text(), cancelled.text());
    assertTrue(whole.text().startsWith(cancelled.text()) && whole.text().length() > cancelled.text().length());
    assertEquals(Completion.FINISH_CANCELLED, cancelled.finishReason());
    assertEquals(Optional.empty(), cancelled.usage(), "llmgen counts what a cancelled stream produced");
    assertEquals(whole.tokenLogprobs().subList(0, 3), cancelled.tokenLogprobs());
    assertEquals(whole.model(), cancelled.model());
  }

  @Test
  void aStreamCancelledBeforeItStartsHasNoText() {
    Listener listener = new Listener(0);
    listener.cancellation.complete(null);

    Completion cancelled = provider(INSTANT).stream(request("gpt-4o-mini", 500, Optional.empty()), listener).join();

    assertNull(cancelled.text());
    assertTrue(cancelled.cancelled());
    assertEquals(List.of(), listener.pieces());
  }

  @Test
  void withLatencyThePiecesArriveOverTheModelsTime() {
    ChatRequest request = request("gpt-5-nano", 12, Optional.empty());
    Listener listener = listener();

    CompletableFuture<Completion> streamed = provider(new SimulatedSettings(1, Map.of(), 1L)).stream(request, listener);

    assertFalse(streamed.isDone());
    Completion completion = streamed.join();
    assertEquals(completion.text(), listener.text());
    assertTrue(listener.pieces().size() > 1, listener.pieces()::toString);
  }

  @Test
  void withLatencyCancellingStopsThePiecesStillToCome() {
    Listener listener = new Listener(1);

    Completion cancelled = provider(new SimulatedSettings(1, Map.of(), 1L))
        .stream(request("gpt-5-nano", 12, Optional.empty()), listener)
        .join();

    assertTrue(cancelled.cancelled());
    assertEquals(listener.pieces(), List.of(cancelled.text()));
  }

  @Test
  void aStreamSlowerThanItsTimeoutFailsAfterThePiecesDueBefore() {
    // gpt-4o-mini's first token is due within 213-320 ms of model time, its whole answer after 500 ms.
    Duration timeout = Duration.ofMillis(450);
    ChatRequest request = request("gpt-4o-mini", 500, Optional.of(timeout));
    Listener listener = listener();

    CompletableFuture<Completion> streamed = provider(INSTANT).stream(request, listener);

    CompletionException thrown = assertThrows(CompletionException.class, streamed::join);
    assertEquals(timeout, assertInstanceOf(LlmTimeoutException.class, thrown.getCause()).timeout());
    String whole = provider(INSTANT).complete(request("gpt-4o-mini", 500, Optional.empty())).join().text();
    assertFalse(listener.pieces().isEmpty());
    assertTrue(whole.startsWith(listener.text()) && whole.length() > listener.text().length(), listener.text());
  }

  @Test
  void faultsFailTheStreamBeforeAnyText() {
    SimulatedProvider provider = provider(new SimulatedSettings(0, Map.of(SimulatedFault.SERVER_ERROR, 1.0), 1L));
    Listener listener = listener();

    CompletableFuture<Completion> streamed = provider.stream(request("gpt-4o-mini", 500, Optional.empty()), listener);

    CompletionException thrown = assertThrows(CompletionException.class, streamed::join);
    assertEquals(500, assertInstanceOf(LlmProviderException.class, thrown.getCause()).statusCode());
    assertEquals(List.of(), listener.pieces());
  }

  @Test
  void aListenerThatThrowsFailsTheStream() {
    IllegalStateException broken = new IllegalStateException("listener bug");
    StreamListener listener = new StreamListener() {
      @Override
      public void onText(String text) {
        throw broken;
      }

      @Override
      public CompletionStage<Void> cancellation() {
        return new CompletableFuture<>();
      }
    };

    CompletableFuture<Completion> streamed =
        provider(INSTANT).stream(request("gpt-4o-mini", 500, Optional.empty()), listener);

    CompletionException thrown = assertThrows(CompletionException.class, streamed::join);
    assertEquals(broken, thrown.getCause());
  }
}
