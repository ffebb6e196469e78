package dev.llmgen.runtime.provider.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.llmgen.runtime.provider.http.FakeHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * An OpenAI-compatible server on 127.0.0.1 for end-to-end tests: answers each request with the next
 * queued {@link Reply} and records what it received. A streamed reply writes and flushes its events one
 * at a time, waiting on latches the test releases where it says, so tests see each event arrive without
 * timing anything.
 */
public final class FakeOpenAiServer extends FakeHttpServer<FakeOpenAiServer.Reply> {

  private final CountDownLatch released = new CountDownLatch(1);

  private FakeOpenAiServer() throws IOException {
    super(Reply.json(599, "{\"error\":{\"message\":\"the test queued no reply\"}}"));
  }

  static FakeOpenAiServer start() throws IOException {
    return new FakeOpenAiServer();
  }

  /** The base URL a provider takes, {@code http://127.0.0.1:port/v1}. */
  URI baseUri() {
    return uri("/v1");
  }

  /** Releases held replies, then stops. */
  @Override
  public void close() {
    released.countDown();
    super.close();
  }

  @Override
  protected void respond(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    if (reply.held()) {
      released.await();
    }
    send(exchange, reply);
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

  public static String readFixture(String name) {
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
