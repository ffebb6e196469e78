package dev.llmgen.runtime.cache;

import static dev.llmgen.runtime.cache.CacheFixtures.binding;
import static dev.llmgen.runtime.cache.CacheFixtures.cachedSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmgen.annotations.Cached.Scope;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Identical calls racing each other make one call down the chain. Every answer is held open until all
 * threads have asked, so the calls truly overlap whatever the scheduler does.
 */
class CacheStageConcurrencyTest {

  private static final CallSpec<String> SPEC = cachedSpec("Bot.answer", 10_000, Scope.GLOBAL);

  private final FakeTicker ticker = new FakeTicker();
  private final FakeNext next = new FakeNext();
  private final Map<String, CompletableFuture<LlmResult<String>>> held = new ConcurrentHashMap<>();
  private final CacheStage stage = new CacheStage(SPEC.cache().orElseThrow(), SPEC, binding("gpt-4o-mini"), ticker);
  private final ExecutorService threads = Executors.newFixedThreadPool(64);

  /** One call a thread made, and the future it got back. */
  private record Asked(String prompt, CompletableFuture<LlmResult<String>> answer) {}

  CacheStageConcurrencyTest() {
    next.answerWith(call -> held.computeIfAbsent(call.prompt(), prompt -> new CompletableFuture<>()));
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void sixtyFourIdenticalCallsMakeOneCall() throws Exception {
    List<Asked> asked = askAtOnce(64, thread -> List.of("Where is my parcel?"));
    answerAll();

    assertEquals(1, next.calls());
    asked.forEach(call -> assertEquals("re: Where is my parcel?", call.answer().join().value()));
    assertEquals(63, asked.stream().filter(call -> call.answer().join().fromCache()).count());
    CacheStatistics statistics = stage.statistics();
    assertEquals(63, statistics.hits());
    assertEquals(1, statistics.misses());
    assertEquals(63 * FakeNext.COST_NANOS, statistics.savedCostNanos());
  }

  @Test
  void manyThreadsAskingManyQuestionsMakeOneCallPerQuestion() throws Exception {
    List<String> prompts = IntStream.range(0, 200).mapToObj(i -> "question " + i).toList();
    List<Asked> asked = askAtOnce(32, thread -> shuffled(prompts, new Random(thread)));
    answerAll();

    prompts.forEach(prompt -> assertEquals(1, next.callsWith(prompt), prompt));
    asked.forEach(call -> assertEquals("re: " + call.prompt(), call.answer().join().value()));
    assertEquals(new CacheStatistics(31 * 200, 200, 0, 200, 31 * 200 * FakeNext.COST_NANOS), stage.statistics());
  }

  /** Starts {@code count} threads together, each asking its prompts without waiting for the answers. */
  private List<Asked> askAtOnce(int count, IntFunction<List<String>> promptsOfThread) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<List<Asked>>> tasks = new ArrayList<>();
    for (int thread = 0; thread < count; thread++) {
      List<String> prompts = promptsOfThread.apply(thread);
      tasks.add(() -> {
        start.await();
        return prompts.stream().map(this::ask).toList();
      });
    }
    List<Future<List<Asked>>> running = tasks.stream().map(threads::submit).toList();
    start.countDown();
    List<Asked> asked = new ArrayList<>();
    for (Future<List<Asked>> thread : running) {
      asked.addAll(thread.get());
    }
    return asked;
  }

  private Asked ask(String prompt) {
    return new Asked(prompt, stage.handle(new Call<>(SPEC, prompt, null, ticker, ticker.nanoTime()), next));
  }

  private void answerAll() {
    held.forEach((prompt, answer) -> answer.complete(
        FakeNext.answerTo(new Call<>(SPEC, prompt, null, ticker, ticker.nanoTime()))));
  }

  private static List<String> shuffled(List<String> prompts, Random random) {
    List<String> copy = new ArrayList<>(prompts);
    Collections.shuffle(copy, random);
    return copy;
  }
}
