package dev.llmgen.runtime.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmgen.runtime.format.Json;
import java.io.IOException;
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
 * A Messages API server on 127.0.0.1 for end-to-end tests: answers each request with the next queued
 * {@link Reply} and records what it received. A reply is written piece by piece, each piece flushed, and
 * may wait on a latch between pieces, so tests can see what the client does with half an answer.
 */
final class FakeAnthropicServer implements AutoCloseable {

  private static final long WAIT_SECONDS = 10;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final CompletableFuture<IOException> writeFailure = new CompletableFuture<>();

  private FakeAnthropicServer(HttpServer server) {
    this.server = server;
  }

  static FakeAnthropicServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeAnthropicServer fake = new FakeAnthropicServer(server);
    server.createContext("/", fake::handle);
    server.setExecutor(fake.executor);
    server.start();
    return fake;
  }

  /** The root a provider takes, {@code http://127.0.0.1:port}. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues the answer to the next request. */
  FakeAnthropicServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** The oldest request not taken yet; each request is recorded before it is answered. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no request");
    }
    return request;
  }

  /** Completes when writing a reply failed: the client closed the connection. */
  CompletableFuture<IOException> writeFailure() {
    return writeFailure;
  }

  /** Stops, interrupting replies that are still being written. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      Reply reply = replies.poll();
      if (reply == null) {
        reply = Reply.json(599, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"no reply queued\"}}");
      }
      send(exchange, reply);
    } catch (IOException e) {
      writeFailure.complete(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("content-type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(reply.status(), reply.length());
    OutputStream out = exchange.getResponseBody();
    for (Piece piece : reply.pieces()) {
      piece.writeTo(out);
    }
    out.close();
  }

  /** One part of a reply's body. */
  sealed interface Piece {

    void writeTo(OutputStream out) throws IOException, InterruptedException;
  }

  /** Bytes, flushed at once. */
  record Chunk(String text) implements Piece {

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Nothing until {@code latch} opens; a test that never opens it fails on its own timeout first. */
  record Gate(CountDownLatch latch) implements Piece {

    @Override
    public void writeTo(OutputStream out) throws InterruptedException {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** {@code ping} events, one after the other, until writing one fails because the client has gone. */
  record PingUntilGone() implements Piece {

    @Override
    public void writeTo(OutputStream out) throws IOException {
      Chunk ping = new Chunk(Reply.event("ping", "{\"type\":\"ping\"}"));
      while (!Thread.currentThread().isInterrupted()) {
        ping.writeTo(out);
      }
    }
  }

  /** One canned answer: a JSON body, or server-sent events written in pieces. */
  record Reply(int status, String contentType, Map<String, String> headers, List<Piece> pieces, boolean chunked) {

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), List.of(new Chunk(body)), false);
    }

    /** A 200 answer in chunks, each flushed as it is written. */
    static Reply streamed(String contentType, String... pieces) {
      return new Reply(200, contentType, Map.of(), List.of(), true).then(pieces);
    }

    /** A {@code text/event-stream} answer; each argument is one whole event, see {@link #event}. */
    static Reply events(String... events) {
      return streamed("text/event-stream; charset=utf-8", events);
    }

    /** One server-sent event as Anthropic writes it. */
    static String event(String name, String data) {
      return "event: " + name + "\ndata: " + data + "\n\n";
    }

    Reply then(String... chunks) {
      List<Piece> more = new ArrayList<>(pieces);
      for (String chunk : chunks) {
        more.add(new Chunk(chunk));
      }
      return new Reply(status, contentType, headers, more, chunked);
    }

    Reply thenAwait(CountDownLatch latch) {
      return then(new Gate(latch));
    }

    Reply thenPingUntilClientIsGone() {
      return then(new PingUntilGone());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, more, pieces, chunked);
    }

    private Reply then(Piece piece) {
      List<Piece> more = new ArrayList<>(pieces);
      more.add(piece);
      return new Reply(status, contentType, headers, more, chunked);
    }

    /** The body length for the status line: 0 asks for chunked encoding, -1 says there is no body. */
    private long length() {
      if (chunked) {
        return 0;
      }
      long bytes = pieces.stream()
          .filter(Chunk.class::isInstance)
          .mapToLong(piece -> ((Chunk) piece).text().getBytes(StandardCharsets.UTF_8).length)
          .sum();
      return bytes == 0 ? -1 : bytes;
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
}
