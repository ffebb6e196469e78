package dev.llmgen.runtime.ratelimit;

import static dev.llmgen.runtime.ratelimit.RateLimitPolicy.NO_LIMIT;
import static dev.llmgen.runtime.ratelimit.RateLimitedMethod.MINUTE;
import static dev.llmgen.runtime.ratelimit.RateLimitedMethod.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.ratelimit.RateLimitedException.Limit;
import dev.llmgen.runtime.ratelimit.RateLimitedMethod.Admission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitStageTest {

  private static final String SMALL = "Where is my parcel?";
  private static final String LARGE = "Summarise this ticket: " + "the parcel never arrived. ".repeat(40);
  private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

  @Test
  void requestsOverTheLimitWaitUntilTheFirstLeaveTheWindow() {
    RateLimitedMethod method = new RateLimitedMethod(limits(3, NO_LIMIT, TWO_MINUTES));

    List<CompletableFuture<LlmResult<String>>> calls = callTimes(method, 5, SMALL);
    assertEquals(3, method.admissions().size());
    method.advance(Duration.ofSeconds(59));
    assertEquals(3, method.admissions().size());
    method.advance(Duration.ofSeconds(1));

    assertTrue(calls.stream().allMatch(RateLimitStageTest::answered));
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO, MINUTE, MINUTE), times(method));
    assertEquals(new RateLimitStatistics(5, 2, TWO_MINUTES, 0), method.statistics());
  }

  @Test
  void tokensOverTheLimitWaitUntilTheFirstLeaveTheWindow() {
    RateLimitedMethod method = new RateLimitedMethod(limits(NO_LIMIT, 2 * tokens(SMALL), TWO_MINUTES));

    List<CompletableFuture<LlmResult<String>>> calls = callTimes(method, 3, SMALL);
    assertEquals(2, method.admissions().size());
    method.advance(MINUTE);

    assertTrue(calls.stream().allMatch(RateLimitStageTest::answered));
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, MINUTE), times(method));
    assertEquals(tokens(SMALL), method.admissions().get(2).tokens());
  }

  @Test
  void theWindowSlidesRatherThanRestartingEachMinute() {
    RateLimitedMethod method = new RateLimitedMethod(limits(2, NO_LIMIT, TWO_MINUTES));

    method.call(SMALL);
    method.advance(Duration.ofSeconds(59));
    method.call(SMALL);
    method.advance(Duration.ofSeconds(2));
    method.call(SMALL);
    method.call(SMALL);
    method.advance(MINUTE);

    // At 61 s the call of 0 s has left the window but the one of 59 s has not, so the fourth waits for it.
    assertEquals(
        List.of(Duration.ZERO, Duration.ofSeconds(59), Duration.ofSeconds(61), Duration.ofSeconds(119)),
        times(method));
  }

  @Test
  void roomReturnsExactlyAMinuteAfterAnAdmission() {
    RateLimitedMethod method = new RateLimitedMethod(limits(1, NO_LIMIT, Duration.ZERO));

    method.call("a");
    method.advance(MINUTE.minusMillis(1));
    assertEquals(Optional.of(Duration.ofMillis(1)), refusal(method.call("b")).retryAfter());
    method.advance(Duration.ofMillis(1));

    assertTrue(answered(method.call("c")));
  }

  @Test
  void requestsAndTokensAreLimitedTogether() {
    long tokensPerMinute = tokens(LARGE) + tokens(SMALL) - 1;
    RateLimitedMethod method = new RateLimitedMethod(limits(2, tokensPerMinute, Duration.ZERO));

    method.call(SMALL);
    method.call(SMALL);
    RateLimitedException requests = refusal(method.call(SMALL));
    method.advance(MINUTE);
    method.call(LARGE);
    RateLimitedException tokens = refusal(method.call(SMALL));

    assertEquals(Limit.REQUESTS_PER_MINUTE, requests.limit());
    assertEquals(2, requests.limitValue());
    assertEquals(Limit.TOKENS_PER_MINUTE, tokens.limit());
    assertEquals(tokensPerMinute, tokens.limitValue());
    assertEquals(Optional.of(MINUTE), tokens.retryAfter());
    assertEquals(List.of(SMALL, SMALL, LARGE), method.admittedPrompts());
  }

  @Test
  void waitingCallersAreAdmittedFirstComeFirstServed() {
    String first = "1 " + LARGE;
    String second = "2 " + LARGE;
    long tokensPerMinute = Math.max(tokens(first), tokens(second)) + tokens(SMALL);
    RateLimitedMethod method = new RateLimitedMethod(limits(NO_LIMIT, tokensPerMinute, TWO_MINUTES));

    method.call(first);
    CompletableFuture<LlmResult<String>> waiting = method.call(second);
    // This one would fit now, but must not overtake the larger call that came before it.
    CompletableFuture<LlmResult<String>> later = method.call(SMALL);
    assertFalse(waiting.isDone());
    assertFalse(later.isDone());
    method.advance(MINUTE);

    assertEquals(List.of(first, second, SMALL), method.admittedPrompts());
    assertEquals(List.of(Duration.ZERO, MINUTE, MINUTE), times(method));
  }

  @Test
  void aCallerThatRoomWouldNotReachWithinMaxWaitFailsSayingWhenToRetry() {
    RateLimitedMethod method = new RateLimitedMethod(limits(2, NO_LIMIT, Duration.ofSeconds(30)));

    method.call("a");
    method.advance(Duration.ofSeconds(40));
    method.call("b");
    CompletableFuture<LlmResult<String>> c = method.call("c");
    CompletableFuture<LlmResult<String>> d = method.call("d");
    assertFalse(c.isDone());
    assertFalse(d.isDone());
    method.advance(Duration.ofSeconds(20));

    // c took the room "a" left at 60 s; d would next fit when "b" leaves, at 100 s: beyond its 30 s.
    assertTrue(answered(c));
    RateLimitedException refused = refusal(d);
    assertEquals(Limit.REQUESTS_PER_MINUTE, refused.limit());
    assertEquals(2, refused.limitValue());
    assertEquals(Optional.empty(), refused.userId());
    assertEquals(Optional.of(Duration.ofSeconds(40)), refused.retryAfter());
    assertEquals(
        RateLimitedMethod.FEATURE + ": requestsPerMinute = 2 is used up for all callers and frees no room for"
            + " this call within maxWait (30 s); retry after 40 s",
        refused.getMessage());
    assertEquals(new RateLimitStatistics(3, 1, Duration.ofSeconds(20), 1), method.statistics());
  }

  @Test
  void aCallerWithNoHopeWithinMaxWaitFailsAtOnce() {
    RateLimitedMethod method = new RateLimitedMethod(limits(1, NO_LIMIT, Duration.ofSeconds(5)));

    method.call(SMALL);
    method.advance(Duration.ofSeconds(10));

    assertEquals(Optional.of(Duration.ofSeconds(50)), refusal(method.call(SMALL)).retryAfter());
  }

  @Test
  void withoutMaxWaitACallFailsAtOnceWhenTheLimitIsUsedUp() {
    RateLimitedMethod method = new RateLimitedMethod(limits(1, NO_LIMIT, Duration.ZERO));

    assertTrue(answered(method.call("a")));
    assertEquals(Optional.of(MINUTE), refusal(method.call("b")).retryAfter());
    method.advance(MINUTE);
    assertTrue(answered(method.call("c")));

    assertEquals(List.of("a", "c"), method.admittedPrompts());
  }

  @Test
  void aRequestLargerThanTheTokenLimitFailsAtOnce() {
    long tokensPerMinute = tokens(LARGE) - 1;
    RateLimitedMethod method = new RateLimitedMethod(limits(NO_LIMIT, tokensPerMinute, TWO_MINUTES));

    RateLimitedException refused = refusal(method.call(LARGE));

    assertEquals(Limit.TOKENS_PER_MINUTE, refused.limit());
    assertEquals(Optional.empty(), refused.retryAfter());
    assertEquals(
        RateLimitedMethod.FEATURE + ": a request of " + tokens(LARGE) + " tokens (input plus maxTokens) never fits"
            + " tokensPerMinute = " + tokensPerMinute
            + "; shorten the prompt, lower maxTokens or raise tokensPerMinute",
        refused.getMessage());
    assertTrue(answered(method.call(SMALL)));
    assertEquals(new RateLimitStatistics(1, 0, Duration.ZERO, 1), method.statistics());
  }

  @Test
  void eachUserHasLimitsOfTheirOwn() {
    RateLimitedMethod method = new RateLimitedMethod(new RateLimitPolicy(1, NO_LIMIT, true, Duration.ZERO));

    assertTrue(answered(method.call(SMALL, "alice")));
    assertTrue(answered(method.call(SMALL, "bob")));
    RateLimitedException refused = refusal(method.call(SMALL, "alice"));

    assertEquals(Optional.of("alice"), refused.userId());
    assertTrue(
        refused.getMessage().contains("requestsPerMinute = 1 is used up for user alice"), refused.getMessage());
    assertEquals(List.of("alice", "bob"), method.admissions().stream().map(Admission::userId).toList());
  }

  @Test
  void theLimitersOfIdleUsersAreDropped() {
    RateLimitedMethod method = new RateLimitedMethod(new RateLimitPolicy(1, NO_LIMIT, true, TWO_MINUTES));

    method.call(SMALL, "alice");
    method.call(SMALL, "bob");
    method.advance(Duration.ofSeconds(30));
    method.call(SMALL, "carol");
    assertEquals(3, method.stage().limiterCount());
    method.advance(Duration.ofSeconds(31));
    method.call(SMALL, "dave");

    // Alice's and Bob's calls have left the window; Carol's has not.
    assertEquals(2, method.stage().limiterCount());
    assertTrue(answered(method.call(SMALL, "alice")));
    assertFalse(method.call(SMALL, "carol").isDone());
  }

  private static RateLimitPolicy limits(long requestsPerMinute, long tokensPerMinute, Duration maxWait) {
    return new RateLimitPolicy(requestsPerMinute, tokensPerMinute, false, maxWait);
  }

  private static List<CompletableFuture<LlmResult<String>>> callTimes(
      RateLimitedMethod method, int times, String prompt) {
    return IntStream.range(0, times).mapToObj(i -> method.call(prompt)).toList();
  }

  private static List<Duration> times(RateLimitedMethod method) {
    return method.admissions().stream().map(Admission::at).toList();
  }

  private static boolean answered(CompletableFuture<LlmResult<String>> call) {
    return call.isDone() && !call.isCompletedExceptionally();
  }

  private static RateLimitedException refusal(CompletableFuture<LlmResult<String>> call) {
    assertTrue(call.isDone(), "the call should have been decided");
    CompletionException failure = assertThrows(CompletionException.class, call::join);
    return assertInstanceOf(RateLimitedException.class, failure.getCause());
  }
}
