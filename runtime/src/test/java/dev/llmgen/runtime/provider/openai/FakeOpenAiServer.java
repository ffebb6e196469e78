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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible server on 127.0.0.1 for end-to-end tests: answers each request with the next
 * queued {@link Reply} and records what it received.
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
      // The client gave up on a held reply and closed the connection; nobody is listening any more.
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** One canned answer. {@code held} answers wait until the server closes, to let client timeouts fire. */
  record Reply(int status, String contentType, Map<String, String> headers, String body, boolean held) {

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), body, false);
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
      return new Reply(status, contentType, more, body, held);
    }

    Reply heldUntilClose() {
      return new Reply(status, contentType, headers, body, true);
    }
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
