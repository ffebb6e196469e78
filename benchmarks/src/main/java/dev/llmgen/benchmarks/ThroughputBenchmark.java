package dev.llmgen.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@link #calls} asynchronous calls take against a server on 127.0.0.1 that answers each after
 * {@link #delayMillis}, with at most {@link #concurrency} in flight. Nothing can beat
 * {@code ceil(calls / concurrency) × delay}. {@link #jdkHttpClient} sends the same requests with the
 * JDK's HTTP client alone, so the gap to the bound splits into what llmgen costs and what the transport
 * (client and server, sharing the machine) costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
public class ThroughputBenchmark {

  @Param("1000")
  public int calls;

  @Param({"10", "50", "100", "200"})
  public int concurrency;

  @Param("20")
  public int delayMillis;

  private String question = Dialogue.QUESTION;
  private String user = Dialogue.USER;

  private DelayedOpenAiServer server;
  private Assistant assistant;
  private HttpClient httpClient;
  private HttpRequest chatRequest;

  @Setup
  public void setUp() throws IOException {
    server = DelayedOpenAiServer.start(Duration.ofMillis(delayMillis));
    assistant = AssistantInjectors.openAiCompatible(server.baseUri()).getInstance(Assistant.class);
    // As llmgen's OpenAI provider builds its client for a plain-http server, and what it sends.
    httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    chatRequest = HttpRequest.newBuilder(URI.create(server.baseUri() + "/chat/completions"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + DelayedOpenAiServer.API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"model":"%s","messages":[{"role":"user","content":"Answer briefly: %s"}],"max_tokens":50}"""
            .formatted(Dialogue.MODEL, question)))
        .build();
  }

  @TearDown
  public void tearDown() {
    System.out.printf("%n%d calls, at most %d in flight, answered after %d ms: the bound is %d ms;"
            + " the client opened %d connections%n",
        calls, concurrency, delayMillis, boundMillis(), server.clientConnections());
    server.close();
  }

  @Benchmark
  public void llmgen() throws InterruptedException {
    callBounded(() -> assistant.answerAsync(question, user));
  }

  @Benchmark
  public void jdkHttpClient() throws InterruptedException {
    callBounded(() -> httpClient.sendAsync(chatRequest, HttpResponse.BodyHandlers.ofString())
        .thenAccept(ThroughputBenchmark::requireOk));
  }

  /** Makes {@link #calls} calls, never more than {@link #concurrency} in flight, and waits for them all. */
  private void callBounded(Supplier<CompletableFuture<?>> call) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    CompletableFuture<?>[] answers = new CompletableFuture<?>[calls];
    for (int i = 0; i < calls; i++) {
      inFlight.acquire();
      answers[i] = call.get().whenComplete((answer, failure) -> inFlight.release());
    }
    CompletableFuture.allOf(answers).join();
  }

  private static void requireOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the server answered " + response.statusCode() + ": " + response.body());
    }
  }

  private long boundMillis() {
    return (calls + concurrency - 1) / concurrency * (long) delayMillis;
  }
}
