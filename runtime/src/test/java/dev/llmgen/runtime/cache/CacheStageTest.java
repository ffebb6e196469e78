package dev.llmgen.runtime.cache;

import static dev.llmgen.runtime.cache.CacheFixtures.TTL;
import static dev.llmgen.runtime.cache.CacheFixtures.binding;
import static dev.llmgen.runtime.cache.CacheFixtures.cachedSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.annotations.Cached.Scope;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.chain.Call;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** One method's response cache: what is a hit, what it costs, what is never kept, and when answers go. */
class CacheStageTest {

  private static final CallSpec<String> SPEC = cachedSpec("Bot.answer", 100, Scope.GLOBAL);
  private static final LlmResult<String> HELLO =
      LlmResult.answered("Hello", "gpt-4o-mini", "fake", 1, 5, 1, 0, 7, Duration.ofMillis(300));

  private final FakeTicker ticker = new FakeTicker();
  private final FakeNext next = new FakeNext();

  private CacheStage stage(CallSpec<String> spec) {
    return new CacheStage(spec.cache().orElseThrow(), spec, binding("gpt-4o-mini"), ticker);
  }

  private CacheStage stage(long maxEntries, Scope scope) {
    return stage(cachedSpec("Bot.answer", maxEntries, scope));
  }

  private CompletableFuture<LlmResult<String>> ask(CacheStage stage, String prompt, String user) {
    return stage.handle(new Call<>(SPEC, prompt, user, ticker, ticker.nanoTime()), next);
  }

  private LlmResult<String> call(CacheStage stage, String prompt, String user) {
    return ask(stage, prompt, user).join();
  }

  @Test
  void aRepeatIsServedFromMemoryForNothing() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    LlmResult<String> first = call(stage, "Where is my parcel?", "ada");

    Call<String> repeat = new Call<>(SPEC, "Where is my parcel?", "ada", ticker, ticker.nanoTime());
    ticker.advance(Duration.ofMillis(2));
    LlmResult<String> second = stage.handle(repeat, next).join();

    assertFalse(first.fromCache());
    assertEquals(FakeNext.COST_NANOS, first.costNanos());
    assertEquals(1, next.calls());
    assertEquals(
        new LlmResult<>("re: Where is my parcel?", "gpt-4o-mini", "fake", 0, 0, 0, 0, Duration.ofMillis(2), true, List.of(),
            StageTimings.NONE),
        second);
    assertEquals(new CacheStatistics(1, 1, 0, 1, FakeNext.COST_NANOS), stage.statistics());
  }

  @Test
  void everyHitCountsTheMoneyItSaved() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    for (int i = 0; i < 4; i++) {
      call(stage, "Where is my parcel?", null);
    }

    assertEquals(1, next.calls());
    assertEquals(new CacheStatistics(3, 1, 0, 1, 3 * FakeNext.COST_NANOS), stage.statistics());
  }

  @Test
  void anotherPromptIsAMiss() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    LlmResult<String> parcel = call(stage, "Where is my parcel?", null);
    LlmResult<String> refund = call(stage, "Where is my refund?", null);

    assertEquals("re: Where is my refund?", refund.value());
    assertFalse(parcel.fromCache() || refund.fromCache());
    assertEquals(2, next.calls());
    assertEquals(new CacheStatistics(0, 2, 0, 2, 0), stage.statistics());
  }

  @Test
  void userScopeNeverServesOneUsersAnswerToAnother() {
    CacheStage stage = stage(100, Scope.USER);
    call(stage, "What did I order?", "ada");
    call(stage, "What did I order?", "bob");
    call(stage, "What did I order?", null);
    LlmResult<String> again = call(stage, "What did I order?", "ada");

    assertEquals(3, next.calls());
    assertTrue(again.fromCache());
  }

  @Test
  void globalScopeSharesAnswersAcrossUsers() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    call(stage, "What are your opening hours?", "ada");
    LlmResult<String> forBob = call(stage, "What are your opening hours?", "bob");
    LlmResult<String> forNobody = call(stage, "What are your opening hours?", null);

    assertEquals(1, next.calls());
    assertTrue(forBob.fromCache() && forNobody.fromCache());
  }

  @Test
  void aProviderErrorIsNotKept() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    LlmProviderException outage = new LlmProviderException(
        "overloaded", "fake", "gpt-4o-mini", 529, "overloaded_error", "", null, null);
    next.answerWith(call -> CompletableFuture.failedFuture(outage));
    CompletionException failed = assertThrows(CompletionException.class, () -> call(stage, "Hi", null));
    assertEquals(outage, failed.getCause());

    next.answerWith(call -> CompletableFuture.completedFuture(FakeNext.answerTo(call)));
    LlmResult<String> retried = call(stage, "Hi", null);

    assertFalse(retried.fromCache());
    assertEquals(2, next.calls());
    assertEquals(1, stage.statistics().size());
  }

  @Test
  void aStageThatThrowsInsteadOfFailingItsFutureLeavesNothingInFlight() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    IllegalStateException bug = new IllegalStateException("a stage threw");
    next.answerWith(call -> {
      throw bug;
    });
    CompletionException failed = assertThrows(CompletionException.class, () -> call(stage, "Hi", null));
    assertEquals(bug, failed.getCause());

    next.answerWith(call -> CompletableFuture.completedFuture(FakeNext.answerTo(call)));

    assertFalse(call(stage, "Hi", null).fromCache());
    assertEquals(2, next.calls());
  }

  @Test
  void anAnswerThatFailedToDecodeIsNotKeptEvenAfterOthersJoinedIt() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    CompletableFuture<LlmResult<String>> held = new CompletableFuture<>();
    next.answerWith(call -> held);
    CompletableFuture<LlmResult<String>> first = ask(stage, "How many?", null);
    CompletableFuture<LlmResult<String>> joined = ask(stage, "How many?", null);
    LlmOutputException undecodable = new LlmOutputException(
        "not a number", "a whole number", "lots", "gpt-4o-mini", 10, 1, 50, null);
    held.completeExceptionally(undecodable);

    assertEquals(undecodable, assertThrows(CompletionException.class, first::join).getCause());
    assertEquals(undecodable, assertThrows(CompletionException.class, joined::join).getCause());
    next.answerWith(call -> CompletableFuture.completedFuture(FakeNext.answerTo(call)));
    assertFalse(call(stage, "How many?", null).fromCache());
    assertEquals(2, next.calls());
    assertEquals(0, stage.statistics().savedCostNanos());
  }

  @Test
  void aCallerCancellingItsOwnFutureDoesNotCancelTheSharedAnswer() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    CompletableFuture<LlmResult<String>> held = new CompletableFuture<>();
    next.answerWith(call -> held);
    CompletableFuture<LlmResult<String>> impatient = ask(stage, "Hi", null);
    CompletableFuture<LlmResult<String>> patient = ask(stage, "Hi", null);

    impatient.cancel(true);
    held.complete(HELLO);

    assertFalse(held.isCancelled());
    assertEquals("Hello", patient.join().value());
    assertTrue(call(stage, "Hi", null).fromCache());
  }

  @Test
  void anAnswerExpiresTtlAfterItArrived() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    CompletableFuture<LlmResult<String>> held = new CompletableFuture<>();
    next.answerWith(call -> held);
    CompletableFuture<LlmResult<String>> slow = ask(stage, "Hi", null);
    ticker.advance(TTL.plusMinutes(5));
    held.complete(HELLO);
    next.answerWith(call -> CompletableFuture.completedFuture(FakeNext.answerTo(call)));

    ticker.advance(TTL.minusNanos(1));
    assertEquals("Hello", slow.join().value());
    assertTrue(call(stage, "Hi", null).fromCache());
    ticker.advance(Duration.ofNanos(1));
    LlmResult<String> expired = call(stage, "Hi", null);

    assertFalse(expired.fromCache());
    assertEquals("re: Hi", expired.value());
    assertEquals(2, next.calls());
    assertEquals(new CacheStatistics(1, 2, 1, 1, 7), stage.statistics());
  }

  @Test
  void aFullCacheEvictsAndCountsIt() {
    CacheStage stage = stage(2, Scope.GLOBAL);
    call(stage, "one", null);
    call(stage, "two", null);
    call(stage, "three", null);

    CacheStatistics statistics = stage.statistics();
    assertEquals(1, statistics.evictions());
    assertEquals(2, statistics.size());
  }

  @Test
  void aFreshCacheHasDoneNothing() {
    assertEquals(new CacheStatistics(0, 0, 0, 0, 0), stage(100, Scope.USER).statistics());
  }

  @Test
  void aJoinedCallMeasuresItsOwnLatency() {
    CacheStage stage = stage(100, Scope.GLOBAL);
    CompletableFuture<LlmResult<String>> held = new CompletableFuture<>();
    next.answerWith(call -> held);
    ask(stage, "Hi", null);
    ticker.advance(Duration.ofMillis(100));
    CompletableFuture<LlmResult<String>> joined = ask(stage, "Hi", null);
    ticker.advance(Duration.ofMillis(40));
    held.complete(HELLO);

    assertEquals(Duration.ofMillis(40), joined.join().latency());
  }
}
