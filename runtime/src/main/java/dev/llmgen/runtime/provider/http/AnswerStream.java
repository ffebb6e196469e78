package dev.llmgen.runtime.provider.http;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.sse.ServerSentEvent;
import java.net.http.HttpResponse.ResponseInfo;

/**
 * The answer of one streamed request, which its provider builds up from the server-sent events, for
 * {@link AnswerExchange#stream}. Taking an event, finishing and cancelling hold the same lock, one at a
 * time, so once the stream is cancelled no event is taken and no piece of text reaches the listener.
 */
public abstract class AnswerStream {

  private final Object lock = new Object();
  private volatile ResponseInfo response;
  private boolean cancelled;

  /** The status and headers of the response, which arrive before the first event; null until then. */
  protected final ResponseInfo response() {
    return response;
  }

  /**
   * Takes the next event.
   *
   * @throws LlmProviderException for an event that ends the stream: an error, or one that cannot be read
   */
  protected abstract void take(ServerSentEvent event);

  /**
   * The whole answer, once the body has ended.
   *
   * @throws LlmProviderException when the stream ended before the answer did, or the model refused
   */
  protected abstract Completion whole();

  /** The answer so far, as a cancelled one without usage. */
  protected abstract Completion soFar();

  final void responseArrived(ResponseInfo info) {
    response = info;
  }

  final void accept(ServerSentEvent event) {
    synchronized (lock) {
      if (!cancelled) {
        take(event);
      }
    }
  }

  final Completion finish() {
    synchronized (lock) {
      return whole();
    }
  }

  /** Hands over no more text, and returns the answer so far. */
  final Completion cancel() {
    synchronized (lock) {
      cancelled = true;
      return soFar();
    }
  }
}
