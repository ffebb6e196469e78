package dev.llmgen.runtime.provider.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Over real HTTP to a server on 127.0.0.1 that writes one event, then waits for the test. */
class SseBodyHandlerTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch resume = new CountDownLatch(1);
  private final CompletableFuture<IOException> writeFailure = new CompletableFuture<>();
  private final BlockingQueue<ServerSentEvent> received = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private volatile int status = 200;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    resume.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (status != 200) {
        byte[] body = "{\"error\":\"überlastet\"}".getBytes(StandardCharsets.ISO_8859_1);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=ISO-8859-1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "event: first\ndata: one\n\n");
      resume.await();
      while (!Thread.currentThread().isInterrupted()) {
        write(out, "data: more\n\n");
      }
    } catch (IOException e) {
      writeFailure.complete(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private CompletableFuture<HttpResponse<SseBody>> send(ServerSentEventSubscriber events) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream");
    return client.sendAsync(HttpRequest.newBuilder(uri).build(), new SseBodyHandler(events));
  }

  @Test
  void theResponseArrivesWithTheHeadersWhileEventsStillFlow() throws Exception {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);

    HttpResponse<SseBody> response = send(events).get(10, TimeUnit.SECONDS);

    assertEquals(200, response.statusCode());
    assertSame(events, assertInstanceOf(SseBody.Events.class, response.body()).subscriber());
    assertEquals(new ServerSentEvent("first", "one"), received.poll(10, TimeUnit.SECONDS));
    assertFalse(events.completion().isDone(), "the server is still waiting to write the rest");
  }

  @Test
  void cancellingAbortsTheExchange() throws Exception {
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);
    send(events).get(10, TimeUnit.SECONDS);
    assertNotNull(received.poll(10, TimeUnit.SECONDS));

    events.cancel();
    received.clear();
    resume.countDown();

    assertNotNull(writeFailure.get(10, TimeUnit.SECONDS), "the client closed the connection");
    assertEquals(List.of(), List.copyOf(received), "no event after the cancellation");
  }

  @Test
  void anErrorStatusIsReadWholeInItsCharset() throws Exception {
    status = 503;
    ServerSentEventSubscriber events = new ServerSentEventSubscriber(received::add);

    HttpResponse<SseBody> response = send(events).get(10, TimeUnit.SECONDS);

    assertEquals(503, response.statusCode());
    assertEquals(new SseBody.ErrorBody("{\"error\":\"überlastet\"}"), response.body());
    assertFalse(events.completion().isDone(), "the events never started");
  }
}
