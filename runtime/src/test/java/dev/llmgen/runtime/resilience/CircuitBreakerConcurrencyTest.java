package dev.llmgen.runtime.resilience;

import static dev.llmgen.runtime.resilience.ResilientCalls.FEATURE;
import static dev.llmgen.runtime.resilience.ResilientCalls.MODEL;
import static dev.llmgen.runtime.resilience.ResilientCalls.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.ScriptedProvider;
import dev.llmgen.runtime.chain.CallStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads calling a failing model at once: the circuit opens, and then the model is left alone. */
class CircuitBreakerConcurrencyTest {

  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 25;
  private static final CircuitBreakerPolicy POLICY = new CircuitBreakerPolicy(50, 20, 10, Duration.ofSeconds(30), 3);

  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
  private final ResilientCalls calls = new ResilientCalls();
  private final CallSpec<String> spec = ResilientCalls.spec(FEATURE);
  private final CallStage stage = new CircuitBreakers(
      new ResilienceSettings(ResilienceSettings.DEFAULTS.retry(), POLICY, true), calls.clock, calls.ticker, Set.of())
      .stageFor(spec, calls.model).orElseThrow();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void manyFailingCallersOpenTheCircuitAndThenNoRequestIsSent() throws Exception {
    for (int i = 0; i < THREADS * CALLS_PER_THREAD; i++) {
      calls.provider.then(MODEL, ScriptedProvider.fail(ScriptedProvider.status(503)));
    }

    List<CompletableFuture<LlmResult<String>>> failing = callFromEveryThread();
    int sentWhileClosing = calls.requests();
    List<CompletableFuture<LlmResult<String>>> whileOpen = callFromEveryThread();

    // The circuit judges after ten failures; callers already let through when it opened may still go.
    assertTrue(sentWhileClosing >= POLICY.minimumCalls() && sentWhileClosing < POLICY.minimumCalls() + THREADS,
        "requests sent before the circuit opened: " + sentWhileClosing);
    assertEquals(failing.size() - sentWhileClosing,
        failing.stream().filter(call -> failure(call) instanceof CircuitOpenException).count());
    assertEquals(sentWhileClosing, calls.requests());
    whileOpen.forEach(call -> assertInstanceOf(CircuitOpenException.class, failure(call)));
  }

  private List<CompletableFuture<LlmResult<String>>> callFromEveryThread() throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<CompletableFuture<LlmResult<String>>>>> calling = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      calling.add(threads.submit(() -> {
        start.await();
        List<CompletableFuture<LlmResult<String>>> mine = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          mine.add(calls.call(spec, stage));
        }
        return mine;
      }));
    }
    List<CompletableFuture<LlmResult<String>>> all = new ArrayList<>();
    for (Future<List<CompletableFuture<LlmResult<String>>>> thread : calling) {
      all.addAll(thread.get());
    }
    return all;
  }
}
