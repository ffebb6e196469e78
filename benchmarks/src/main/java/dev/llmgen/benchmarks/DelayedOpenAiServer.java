package dev.llmgen.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 that answers every request after the same
 * delay, like a model that always takes that long to write. A waiting request holds no thread: its
 * answer is scheduled, and the exchange is completed from the scheduler's thread.
 */
final class DelayedOpenAiServer implements AutoCloseable {

  /** What clients send as their key; the server takes any. */
  static final String API_KEY = "bench-key";

  // Room for every connection a benchmark opens at once; the JDK's default (50) would leave the rest
  // to the kernel's SYN retransmission, a second later.
  private static final int BACKLOG = 1024;

  static {
    // The JDK's server writes an answer's headers and body apart and, with Nagle's algorithm on, holds
    // the body until the client acknowledges the headers, which the client delays by up to 40 ms: every
    // answer would come about 40 ms late. Read once, when the JVM's first HttpServer is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ScheduledExecutorService answerer;
  private final long delayNanos;
  private final byte[] answer;
  private final Set<InetSocketAddress> clientConnections = ConcurrentHashMap.newKeySet();

  private DelayedOpenAiServer(Duration delay) throws IOException {
    this.delayNanos = delay.toNanos();
    this.answer = completionJson(Instant.now().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    this.answerer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "delayed-openai-server");
      thread.setDaemon(true);
      return thread;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    server.createContext("/v1/chat/completions", this::receive);
    server.start();
  }

  static DelayedOpenAiServer start(Duration delay) throws IOException {
    return new DelayedOpenAiServer(delay);
  }

  /** What {@code OPENAI_BASE_URL} is set to: {@code http://127.0.0.1:port/v1}. */
  URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/v1");
  }

  /** How many connections clients have opened so far. */
  int clientConnections() {
    return clientConnections.size();
  }

  @Override
  public void close() {
    server.stop(0);
    answerer.shutdownNow();
  }

  private void receive(HttpExchange exchange) throws IOException {
    clientConnections.add(exchange.getRemoteAddress());
    try (InputStream request = exchange.getRequestBody()) {
      request.readAllBytes();
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    answerer.schedule(() -> answer(exchange), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void answer(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    } catch (IOException e) {
      // The client hung up before the answer was due: there is no one left to answer.
    }
  }

  private static String completionJson(long created) {
    return """
        {"id":"chatcmpl-benchmark","object":"chat.completion","created":%d,"model":"%s",\
        "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
        .formatted(created, Dialogue.MODEL, Dialogue.ANSWER, Dialogue.INPUT_TOKENS, Dialogue.OUTPUT_TOKENS,
            Dialogue.INPUT_TOKENS + Dialogue.OUTPUT_TOKENS);
  }
}
