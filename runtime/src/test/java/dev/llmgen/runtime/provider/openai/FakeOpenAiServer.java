package dev.llmgen.runtime.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmgen.runtime.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible server on 127.0.0.1 for end-to-end tests: answers each request with the next
 * queued {@link Reply} and records what it received. A streamed reply writes and flushes its events one
 * at a time, waiting on latches the test releases where it says, so tests see each event arrive without
 * timing anything.
 */
final class FakeOpenAiServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private FakeOpenAiServer(HttpServer server) {
    this.server = server;
  }

  static FakeOpenAiServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeOpenAiServer fake = new FakeOpenAiServer(server);
    server.createContext("/", fake::handle);
    server.setExecutor(fake.executor);
    server.start();
    return fake;
  }

  /** The base URL a provider takes, {@code http://127.0.0.1:port/v1}. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Queues the answer to the next request. */
  FakeOpenAiServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** The oldest request not taken yet; each request is recorded before it is answered. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no request");
    }
    return request;
  }

  /** Releases held replies, then stops. */
  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      Reply reply = replies.poll();
      if (reply == null) {
        reply = Reply.json(599, "{\"error\":{\"message\":\"the test queued no reply\"}}");
      }
      if (reply.held()) {
        released.await();
      }
      send(exchange, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (on a held reply, a cancelled stream) and closed the connection.
    }
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    if (reply.streamed()) {
      stream(exchange, reply);
      return;
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Chunked transfer encoding, each step flushed at once; a failed write completes the reply's future. */
  private void stream(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    exchange.sendResponseHeaders(reply.status(), 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (Step step : reply.steps()) {
        if (step instanceof Step.Write write) {
          write(out, write.text());
        } else if (step instanceof Step.Await await) {
          await.latch().await();
        } else if (step instanceof Step.RepeatUntilClosed repeat) {
          while (released.getCount() > 0) {
            write(out, repeat.text());
          }
        }
      }
      out.close();
    } catch (IOException e) {
      reply.writeFailure().complete(e);
      throw e;
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * One canned answer. {@code held} answers wait until the server closes, to let client timeouts fire.
   * Streamed answers ({@link #events}) write their {@code steps} instead of {@code body}, and complete
   * {@code writeFailure} when a write fails because the client closed the connection.
   */
  record Reply(
      int status, String contentType, Map<String, String> headers, String body, boolean held,
      boolean streamed, List<Step> steps, CompletableFuture<IOException> writeFailure) {

    Reply(int status, String contentType, Map<String, String> headers, String body, boolean held) {
      this(status, contentType, headers, body, held, false, List.of(), new CompletableFuture<>());
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), body, false);
    }

    /** A 200 {@code text/event-stream} that writes nothing until steps are added. */
    static Reply events() {
      return chunked(200, "text/event-stream");
    }

    /** A body in chunked transfer encoding, written step by step. */
    static Reply chunked(int status, String contentType) {
      return new Reply(status, contentType, Map.of(), "", false, true, List.of(), new CompletableFuture<>());
    }

    /** A stream that writes {@code text}, whole events or any part of one (or of any body), and flushes it. */
    Reply write(String text) {
      return with(new Step.Write(text));
    }

    /** A stream that writes {@code data: json} and the blank line that ends the event. */
    Reply data(String json) {
      return write("data: " + json + "\n\n");
    }

    /** A stream that waits here until the test counts {@code latch} down. */
    Reply await(CountDownLatch latch) {
      return with(new Step.Await(latch));
    }

    /** A stream that writes {@code text} again and again, until a write fails or the server closes. */
    Reply repeatUntilTheClientHangsUp(String text) {
      return with(new Step.RepeatUntilClosed(text));
    }

    /** A JSON file from {@code src/test/resources/openai/}. */
    static Reply fixture(int status, String name) {
      return json(status, readFixture(name));
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, contentType, Map.of(), body, false);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, more, body, held, streamed, steps, writeFailure);
    }

    Reply heldUntilClose() {
      return new Reply(status, contentType, headers, body, true, streamed, steps, writeFailure);
    }

    private Reply with(Step step) {
      List<Step> more = new ArrayList<>(steps);
      more.add(step);
      return new Reply(status, contentType, headers, body, held, true, List.copyOf(more), writeFailure);
    }
  }

  /** One step of a streamed reply. */
  sealed interface Step {

    record Write(String text) implements Step {}

    record Await(CountDownLatch latch) implements Step {}

    record RepeatUntilClosed(String text) implements Step {}
  }

  /** What the server received. */
  record RecordedRequest(String method, String path, Headers headers, String body) {

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String readFixture(String name) {
    try (InputStream in = FakeOpenAiServer.class.getResourceAsStream("/openai/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture openai/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
