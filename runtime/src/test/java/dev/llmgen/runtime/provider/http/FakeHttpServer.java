package dev.llmgen.runtime.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmgen.runtime.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server on 127.0.0.1 for a provider's end-to-end tests, listening from construction: it records each
 * request, then has the subclass write the next queued reply, each on a thread of its own.
 *
 * @param <R> the canned answers of the subclass
 */
public abstract class FakeHttpServer<R> implements AutoCloseable {

  /** How long a test waits on the server: for a request to arrive, or for a latch to open. */
  public static final long WAIT_SECONDS = 10;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<R> replies = new LinkedBlockingQueue<>();
  private final R noReplyQueued;

  /** @param noReplyQueued the answer to a request the test queued no reply for */
  protected FakeHttpServer(R noReplyQueued) throws IOException {
    this.noReplyQueued = noReplyQueued;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A port on 127.0.0.1 that nothing listens on. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Queues the answer to the next request. */
  public void enqueue(R reply) {
    replies.add(reply);
  }

  /** The oldest request not taken yet; each request is recorded before it is answered. */
  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no request");
    }
    return request;
  }

  /** Stops, interrupting answers that are still being written. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** {@code http://127.0.0.1:port} and then {@code path}. */
  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /**
   * Writes {@code reply} as the answer to the request just recorded.
   *
   * @throws IOException when the client has closed the connection
   */
  protected abstract void respond(HttpExchange exchange, R reply) throws IOException, InterruptedException;

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      R reply = replies.poll();
      respond(exchange, reply == null ? noReplyQueued : reply);
    } catch (IOException e) {
      // The client gave up (a timeout, a cancelled stream) and closed the connection.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the server received. */
  public record RecordedRequest(String method, String path, Headers headers, String body) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }

    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
