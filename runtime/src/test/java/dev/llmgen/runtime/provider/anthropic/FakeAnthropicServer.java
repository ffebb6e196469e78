package dev.llmgen.runtime.provider.anthropic;

import com.sun.net.httpserver.HttpExchange;
import dev.llmgen.runtime.provider.http.FakeHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Messages API server on 127.0.0.1 for end-to-end tests: answers each request with the next queued
 * {@link Reply} and records what it received. A reply is written piece by piece, each piece flushed, and
 * may wait on a latch between pieces, so tests can see what the client does with half an answer.
 */
final class FakeAnthropicServer extends FakeHttpServer<FakeAnthropicServer.Reply> {

  private final CompletableFuture<IOException> writeFailure = new CompletableFuture<>();

  private FakeAnthropicServer() throws IOException {
    super(Reply.json(599, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"no reply queued\"}}"));
  }

  static FakeAnthropicServer start() throws IOException {
    return new FakeAnthropicServer();
  }

  /** The root a provider takes, {@code http://127.0.0.1:port}. */
  URI baseUri() {
    return uri("");
  }

  /** Completes when writing a reply failed: the client closed the connection. */
  CompletableFuture<IOException> writeFailure() {
    return writeFailure;
  }

  @Override
  protected void respond(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    try {
      send(exchange, reply);
    } catch (IOException e) {
      writeFailure.complete(e);
      throw e;
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
}
