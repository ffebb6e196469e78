package dev.llmgen.runtime.e2e;

import com.sun.net.httpserver.HttpExchange;
import dev.llmgen.runtime.provider.http.FakeHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One provider's API on 127.0.0.1, in its wire format: answers each request with the next queued
 * {@link Reply}, counts the requests it received, and notes when the client hung up on a reply it was
 * still writing. Each piece of a reply is flushed on its own, so a stream arrives event by event.
 */
final class ScriptedServer extends FakeHttpServer<ScriptedServer.Reply> {

  /** Where a provider's base URL points on the server, and where it then posts its requests. */
  enum WireFormat {
    OPENAI("/v1", "/v1/chat/completions"),
    ANTHROPIC("", "/v1/messages");

    private final String basePath;
    private final String endpoint;

    WireFormat(String basePath, String endpoint) {
      this.basePath = basePath;
      this.endpoint = endpoint;
    }

    String endpoint() {
      return endpoint;
    }
  }

  private final WireFormat format;
  private final AtomicInteger received = new AtomicInteger();
  private final CompletableFuture<IOException> hangUp = new CompletableFuture<>();

  private ScriptedServer(WireFormat format) throws IOException {
    super(Reply.json(599, "{\"error\":{\"message\":\"the test queued no reply\"}}"));
    this.format = format;
  }

  static ScriptedServer speaking(WireFormat format) {
    try {
      return new ScriptedServer(format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /** What {@code OPENAI_BASE_URL} or {@code ANTHROPIC_BASE_URL} is set to. */
  String baseUrl() {
    return uri(format.basePath).toString();
  }

  /** The requests received so far; each is counted before it is answered. */
  int received() {
    return received.get();
  }

  /** Completes when writing a reply failed because the client had closed the connection. */
  CompletableFuture<IOException> hangUp() {
    return hangUp;
  }

  @Override
  protected void respond(HttpExchange exchange, Reply reply) throws IOException {
    received.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    Reply answer = path.equals(format.endpoint)
        ? reply
        : Reply.json(404, "{\"error\":{\"message\":\"no route " + path + " in the " + format + " wire format\"}}");
    try {
      write(exchange, answer);
    } catch (IOException e) {
      hangUp.complete(e);
      throw e;
    }
  }

  private static void write(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(reply.status(), reply.length());
    OutputStream out = exchange.getResponseBody();
    for (String piece : reply.pieces()) {
      flush(out, piece);
    }
    if (reply.repeatedUntilHangUp().isPresent()) {
      while (!Thread.currentThread().isInterrupted()) {
        flush(out, reply.repeatedUntilHangUp().get());
      }
    }
    out.close();
  }

  private static void flush(OutputStream out, String piece) throws IOException {
    out.write(piece.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * One canned answer: a body read whole, or a stream in chunked encoding whose pieces are written in
   * order and may end in one written again and again until the client hangs up.
   */
  record Reply(
      int status, String contentType, Map<String, String> headers, List<String> pieces, boolean streamed,
      Optional<String> repeatedUntilHangUp) {

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), List.of(body), false, Optional.empty());
    }

    /** A 200 {@code text/event-stream}, each argument one whole event. */
    static Reply events(List<String> events) {
      return new Reply(200, "text/event-stream; charset=utf-8", Map.of(), events, true, Optional.empty());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, more, pieces, streamed, repeatedUntilHangUp);
    }

    /** This stream, then {@code piece} written until a write fails because the client has gone. */
    Reply thenRepeatUntilTheClientHangsUp(String piece) {
      return new Reply(status, contentType, headers, pieces, true, Optional.of(piece));
    }

    /** The body length for the status line: 0 asks for chunked encoding, -1 says there is no body. */
    private long length() {
      if (streamed) {
        return 0;
      }
      long bytes = pieces.stream().mapToLong(piece -> piece.getBytes(StandardCharsets.UTF_8).length).sum();
      return bytes == 0 ? -1 : bytes;
    }
  }
}
