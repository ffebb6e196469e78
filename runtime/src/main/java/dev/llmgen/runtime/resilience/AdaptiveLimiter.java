package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.Scheduler;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.WaiterWakeUp;
import dev.llmgen.runtime.provider.RateLimitStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What one model's rate-limit headers last said, and the requests held back because of it: while no
 * request is left, or fewer tokens than a request may use, new requests wait, without a thread, in one
 * first-come-first-served queue until the provider's reset time. A reading is forgotten at its reset
 * time, when the provider's window is full again; a 429 holds every request back until its
 * {@code Retry-After}.
 *
 * <p>A reading says what remained once the provider had counted the request it answers, and the
 * requests it had received before. Only those answered before that request was sent are sure to be
 * among them: the others may have reached the provider after it. So every other request sent is taken
 * off what the reading says remains, and the provider is not sent more than its reading allows, in
 * whatever order requests reach it. Answers of different lengths arrive in any order, so the reading
 * kept is that of the request sent last: the provider counted it last, with whatever other clients of
 * the account had used by then. Readings of requests sent earlier that arrive later are stale.
 */
final class AdaptiveLimiter {

  private static final int TOO_MANY_REQUESTS = 429;

  private final Ticker ticker;
  private final WaiterWakeUp wakeUp;

  // Guarded by this.
  private long sentRequests;
  private long sentTokens;
  private long outRequests;
  private long outTokens;
  private Reading requests;
  private Reading tokens;
  private long refusedUntilNanos;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

  /**
   * A request sent: its place in the order of sending, its tokens, and how many requests and tokens,
   * itself included, the provider had surely counted when it counted this one (those answered before it
   * was sent).
   */
  record Ticket(long sequence, long tokens, long countedRequests, long countedTokens) {}

  /**
   * Requests are held back once as many requests (or tokens) are sent as {@code ceiling}, until the
   * reset; read from the answer to the request sent as {@code sequence}.
   */
  private record Reading(long ceiling, long resetAtNanos, long sequence) {}

  private record Waiter(long tokens, CompletableFuture<Ticket> admitted) {}

  AdaptiveLimiter(Ticker ticker, Scheduler scheduler) {
    this.ticker = ticker;
    this.wakeUp = new WaiterWakeUp(scheduler, ticker, this, this::drain);
    this.refusedUntilNanos = ticker.nanoTime();
  }

  /** Asks to send a request that may use {@code tokens}; the future completes when it may go. */
  CompletableFuture<Ticket> acquire(long tokens) {
    CompletableFuture<Ticket> admitted = new CompletableFuture<>();
    List<Runnable> completions;
    synchronized (this) {
      waiters.addLast(new Waiter(tokens, admitted));
      completions = drain(ticker.nanoTime());
    }
    completions.forEach(Runnable::run);
    return admitted;
  }

  /** The provider answered the request of {@code ticket}, with these rate-limit headers. */
  void answered(Ticket ticket, RateLimitStatus status) {
    List<Runnable> completions;
    synchronized (this) {
      finished(ticket);
      long now = ticker.nanoTime();
      requests = newer(requests, reading(status.remainingRequests(), status.requestsReset(),
          ticket.countedRequests(), ticket, now), now);
      tokens = newer(tokens, reading(status.remainingTokens(), status.tokensReset(),
          ticket.countedTokens(), ticket, now), now);
      completions = drain(now);
    }
    completions.forEach(Runnable::run);
  }

  /**
   * The request of {@code ticket} failed. A 429 with a {@code Retry-After} only holds requests back
   * longer, so it admits no waiter: the drain scheduled for the head of the queue finds the new time.
   */
  synchronized void failed(Ticket ticket, Throwable failure) {
    finished(ticket);
    if (failure instanceof LlmProviderException provider && provider.statusCode() == TOO_MANY_REQUESTS
        && provider.retryAfter().isPresent()) {
      long until = ticker.nanoTime() + provider.retryAfter().get().toNanos();
      if (until - refusedUntilNanos > 0) {
        refusedUntilNanos = until;
      }
    }
  }

  private void finished(Ticket ticket) {
    outRequests--;
    outTokens -= ticket.tokens();
  }

  private static Optional<Reading> reading(
      OptionalLong remaining, Optional<Duration> reset, long counted, Ticket ticket, long now) {
    if (remaining.isEmpty() || reset.isEmpty() || reset.get().isNegative() || reset.get().isZero()) {
      return Optional.empty(); // a count without a time to forget it could hold requests back for ever
    }
    return Optional.of(
        new Reading(counted + remaining.getAsLong(), now + reset.get().toNanos(), ticket.sequence()));
  }

  private static Reading newer(Reading current, Optional<Reading> candidate, long now) {
    if (candidate.isPresent() && (!valid(current, now) || candidate.get().sequence() > current.sequence())) {
      return candidate.get();
    }
    return current;
  }

  private static boolean valid(Reading reading, long now) {
    return reading != null && now - reading.resetAtNanos() < 0;
  }

  /** Admits the waiters at the head of the queue that may go now, and returns their completions. */
  private List<Runnable> drain(long now) {
    List<Runnable> completions = new ArrayList<>();
    while (!waiters.isEmpty()) {
      Waiter head = waiters.peekFirst();
      long waitNanos = waitNanos(head.tokens(), now);
      if (waitNanos > 0) {
        wakeUp.wakeIn(now, waitNanos);
        break;
      }
      waiters.removeFirst();
      Ticket ticket = new Ticket(
          sentRequests + 1, head.tokens(), sentRequests + 1 - outRequests, sentTokens + head.tokens() - outTokens);
      sentRequests++;
      sentTokens += head.tokens();
      outRequests++;
      outTokens += head.tokens();
      completions.add(() -> head.admitted().complete(ticket));
    }
    return completions;
  }

  private long waitNanos(long requestTokens, long now) {
    if (!valid(requests, now)) {
      requests = null;
    }
    if (!valid(tokens, now)) {
      tokens = null;
    }
    long wait = Math.max(0, refusedUntilNanos - now);
    if (requests != null && sentRequests >= requests.ceiling()) {
      wait = Math.max(wait, requests.resetAtNanos() - now);
    }
    if (tokens != null && sentTokens + requestTokens > tokens.ceiling()) {
      wait = Math.max(wait, tokens.resetAtNanos() - now);
    }
    return wait;
  }
}
