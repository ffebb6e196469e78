package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.ScriptedProvider.fail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.ScriptedProvider.Reply;
import dev.llmgen.runtime.ScriptedProvider;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AdaptiveLimitingProviderTest {

  private static final String MODEL = "gpt-test";
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final Duration MILLISECOND = Duration.ofMillis(1);
  private static final Reply UNKNOWN = answerWith(RateLimitStatus.UNKNOWN);

  private final FakeTicker ticker = new FakeTicker();
  private final FakeScheduler scheduler = new FakeScheduler(ticker);
  private final ScriptedProvider provider = new ScriptedProvider();
  private final AdaptiveLimitingProvider limiting = new AdaptiveLimitingProvider(provider, ticker, scheduler);

  @Test
  void withoutRateLimitHeadersRequestsGoAtOnce() {
    reply(UNKNOWN, UNKNOWN, UNKNOWN);

    List<CompletableFuture<Completion>> answers = List.of(send(), send(), send());

    assertEquals(3, sent());
    assertTrue(answers.stream().allMatch(CompletableFuture::isDone));
  }

  @Test
  void whenNoRequestIsLeftTheNextWaitsForTheReset() {
    reply(answerWith(requestsLeft(0, TEN_SECONDS)), UNKNOWN);

    send();
    CompletableFuture<Completion> next = send();
    scheduler.advance(TEN_SECONDS.minus(MILLISECOND));
    assertEquals(1, sent());
    assertFalse(next.isDone());
    scheduler.advance(MILLISECOND);

    assertEquals(2, sent());
    assertTrue(next.isDone());
  }

  @Test
  void requestsSentSinceAReadingCountAgainstIt() {
    reply(answerWith(requestsLeft(2, TEN_SECONDS)), pending(), pending(), UNKNOWN);

    send();
    send();
    send();
    CompletableFuture<Completion> fourth = send();
    assertEquals(3, sent());
    scheduler.advance(TEN_SECONDS);

    assertEquals(4, sent());
    assertTrue(fourth.isDone());
  }

  @Test
  void requestsStillOutWhenTheReadRequestWasSentCountAgainstItsReading() {
    // The first may have reached the provider after the second, and be missing from its count.
    reply(pending(), answerWith(requestsLeft(1, TEN_SECONDS)), UNKNOWN);

    send();
    send();
    CompletableFuture<Completion> third = send();
    assertEquals(2, sent());
    scheduler.advance(TEN_SECONDS);

    assertTrue(third.isDone());
  }

  @Test
  void aLateAnswerToAnEarlierRequestIsStale() {
    CompletableFuture<Completion> first = new CompletableFuture<>();
    CompletableFuture<Completion> second = new CompletableFuture<>();
    reply((request, listener) -> first, (request, listener) -> second, UNKNOWN);

    send();
    send();
    second.complete(answer(requestsLeft(0, TEN_SECONDS)));
    CompletableFuture<Completion> third = send();
    first.complete(answer(requestsLeft(50, TEN_SECONDS)));

    assertEquals(2, sent());
    scheduler.advance(TEN_SECONDS);
    assertTrue(third.isDone());
  }

  @Test
  void aNewerReadingLetsWaitingRequestsGoAtOnce() {
    CompletableFuture<Completion> first = new CompletableFuture<>();
    CompletableFuture<Completion> second = new CompletableFuture<>();
    reply((request, listener) -> first, (request, listener) -> second, UNKNOWN);

    send();
    send();
    first.complete(answer(requestsLeft(0, TEN_SECONDS)));
    CompletableFuture<Completion> third = send();
    assertEquals(2, sent());
    second.complete(answer(requestsLeft(5, TEN_SECONDS)));

    assertEquals(3, sent());
    assertTrue(third.isDone());
  }

  @Test
  void requestsThatMayNeedMoreTokensThanRemainWaitFirstComeFirstServed() {
    reply(answerWith(tokensLeft(100, Duration.ofSeconds(5))), UNKNOWN, UNKNOWN, UNKNOWN);

    send(request(MODEL, 50)); // 51 tokens, all counted in the reading
    send(request(MODEL, 60)); // 61 of the 100 left
    CompletableFuture<Completion> large = send(request(MODEL, 60));
    // This one would fit in the 39 tokens left, but must not overtake the larger one before it.
    CompletableFuture<Completion> small = send(request(MODEL, 10));
    assertEquals(2, sent());
    scheduler.advance(Duration.ofSeconds(5));

    assertTrue(large.isDone() && small.isDone());
    assertEquals(List.of(51, 61, 61, 11),
        provider.requests().stream().map(request -> (int) AdaptiveLimitingProvider.estimatedTokens(request)).toList());
  }

  @Test
  void aTooManyRequestsAnswerHoldsRequestsBackUntilItsRetryAfter() {
    LlmProviderException busy = new LlmProviderException(
        "HTTP 429", "scripted", MODEL, 429, null, "", Duration.ofSeconds(3), null);
    reply(fail(busy), UNKNOWN);

    CompletableFuture<Completion> refused = send();
    CompletableFuture<Completion> next = send();
    scheduler.advance(Duration.ofSeconds(3).minus(MILLISECOND));
    assertEquals(1, sent());
    scheduler.advance(MILLISECOND);

    assertSame(busy, assertThrowsCompletion(refused));
    assertTrue(next.isDone());
  }

  @Test
  void aTooManyRequestsAnswerWithoutRetryAfterHoldsNothingBack() {
    reply(fail(ScriptedProvider.status(429)), UNKNOWN);

    send();
    send();

    assertEquals(2, sent());
  }

  @Test
  void aCountWithoutItsResetTimeIsIgnored() {
    RateLimitStatus noReset =
        new RateLimitStatus(OptionalLong.of(0), Optional.empty(), OptionalLong.of(0), Optional.empty());
    reply(answerWith(noReset), UNKNOWN);

    send();
    send();

    assertEquals(2, sent());
  }

  @Test
  void eachModelHasReadingsOfItsOwn() {
    reply(answerWith(requestsLeft(0, TEN_SECONDS)));
    provider.then("gpt-other", UNKNOWN);

    send();
    CompletableFuture<Completion> other = send(request("gpt-other", 50));

    assertTrue(other.isDone());
  }

  @Test
  void streamedRequestsAreHeldBackAlike() {
    reply(answerWith(requestsLeft(0, TEN_SECONDS)), UNKNOWN);
    StreamListener ignoring = new StreamListener() {
      @Override
      public void onText(String text) {}

      @Override
      public CompletionStage<Void> cancellation() {
        return new CompletableFuture<>();
      }
    };

    limiting.stream(request(MODEL, 50), ignoring);
    CompletableFuture<Completion> next = limiting.stream(request(MODEL, 50), ignoring);
    assertFalse(next.isDone());
    scheduler.advance(TEN_SECONDS);

    assertTrue(next.isDone());
  }

  @Test
  void aRequestMayUseItsMaxTokensAndItsInputAtAboutFourCharactersAToken() {
    ChatRequest request = new ChatRequest(
        MODEL, "Be brief.", "Hello", 50, OptionalDouble.empty(), new ResponseFormat.Text());

    assertEquals(50 + 4, AdaptiveLimitingProvider.estimatedTokens(request));
  }

  @Test
  void itGoesByTheNameOfTheProviderItLimits() {
    assertEquals(provider.name(), limiting.name());
  }

  private void reply(Reply... replies) {
    for (Reply reply : replies) {
      provider.then(MODEL, reply);
    }
  }

  private CompletableFuture<Completion> send() {
    return send(request(MODEL, 50));
  }

  private CompletableFuture<Completion> send(ChatRequest request) {
    return limiting.complete(request);
  }

  private int sent() {
    return provider.requests().size();
  }

  /** A request of {@code maxTokens + 1} tokens: its four-character prompt is one. */
  private static ChatRequest request(String model, int maxTokens) {
    return new ChatRequest(model, "", "Hi!!", maxTokens, OptionalDouble.empty(), new ResponseFormat.Text());
  }

  private static RateLimitStatus requestsLeft(long remaining, Duration reset) {
    return new RateLimitStatus(OptionalLong.of(remaining), Optional.of(reset), OptionalLong.empty(), Optional.empty());
  }

  private static RateLimitStatus tokensLeft(long remaining, Duration reset) {
    return new RateLimitStatus(OptionalLong.empty(), Optional.empty(), OptionalLong.of(remaining), Optional.of(reset));
  }

  private static Completion answer(RateLimitStatus rateLimits) {
    return new Completion("ok", MODEL, "stop", Optional.empty(), List.of(), rateLimits);
  }

  private static Reply answerWith(RateLimitStatus rateLimits) {
    return ScriptedProvider.answer(answer(rateLimits));
  }

  private static Reply pending() {
    return (request, listener) -> new CompletableFuture<>();
  }

  private static Throwable assertThrowsCompletion(CompletableFuture<Completion> answer) {
    assertTrue(answer.isCompletedExceptionally());
    return assertThrows(CompletionException.class, answer::join).getCause();
  }
}
