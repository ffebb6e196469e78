package dev.llmgen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmgen.runtime.config.ConfigSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample app, unchanged, against a server on 127.0.0.1 that speaks OpenAI Chat Completions: the
 * environment alone moves it from the simulated model to HTTP.
 */
class TriageOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TICKETS = 12;

  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  @TempDir Path ledgerDirectory;
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /** Answers like a model would: a team for the classifier, facts as JSON, text for replies. */
  private void answer(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    requests.add(request);
    String system = request.path("messages").get(0).path("content").asText();
    String content;
    if (request.has("response_format")) {
      content = "{\"orderNumber\":\"NW-100200\",\"product\":null,\"urgency\":\"HIGH\","
          + "\"refundRequested\":true,\"summary\":\"Wants the order sorted out\"}";
    } else if (system.contains("Answer with exactly one of these words")) {
      content = "Shipping.";
    } else {
      content = "Dear customer, we are on it and will write again tomorrow.";
    }
    ObjectNode body = JSON.createObjectNode()
        .put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1741569952)
        .put("model", request.path("model").asText());
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150)
        .putObject("prompt_tokens_details").put("cached_tokens", 0);
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String run(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("LLMGEN_BUDGET_LEDGER", ledgerDirectory.resolve("budget.journal").toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String report = ledgerDirectory.resolve("report.html").toString();
    int status = TriageApp.run(ConfigSource.of(environment), new String[] {String.valueOf(TICKETS), "4", report},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, status);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Test
  void runsAgainstAnOpenAiCompatibleServerNamedByTheEnvironment() {
    String output = run(Map.of("OPENAI_BASE_URL", baseUrl()));

    List<Ticket> tickets = TicketRepository.bundled().subList(0, TICKETS);
    long distinctMessages = tickets.stream().map(ticket -> ticket.subject() + ticket.body()).distinct().count();
    long drafts = requests.stream().filter(r -> r.path("model").asText().equals("gpt-4o")).count();
    // Repeated messages are classified and extracted from the cache; replies are limited per customer.
    assertEquals(2 * distinctMessages, requests.stream().filter(r -> r.path("model").asText().equals("gpt-4o-mini")).count());
    assertTrue(drafts > 0 && drafts <= TICKETS, String.valueOf(drafts));
    assertTrue(requests.stream().allMatch(r -> r.path("max_tokens").asInt() > 0));
    JsonNode extraction = requests.stream().filter(r -> r.has("response_format")).findFirst().orElseThrow();
    assertEquals("TicketFacts", extraction.at("/response_format/json_schema/name").asText());
    assertTrue(extraction.at("/response_format/json_schema/strict").asBoolean());
    assertTrue(extraction.path("logprobs").asBoolean(), "the extraction cascade's scorer reads log-probabilities");
    assertTrue(output.startsWith("llmgen sample: customer-support triage of 12 tickets"), output);
    assertTrue(output.contains("Provider: auto"), output);
    assertTrue(output.contains("Tickets by team: {SHIPPING=" + drafts + "}"), output);
    assertTrue(output.contains("Urgent: " + drafts + ", refund requests: " + drafts + ", not answered: " + (TICKETS - drafts)),
        output);
    assertTrue(output.contains("Dear customer, we are on it"), output);
    assertTrue(output.contains("No comparison with the naive baseline: the run did not use the simulated model (provider auto)"), output);
  }

  @Test
  void theModelMapSendsEveryCallToALocalModelThatCostsNothing() {
    String output = run(Map.of("OPENAI_BASE_URL", baseUrl(), "LLMGEN_MODEL_MAP", "*=llama3.2:3b"));

    assertTrue(requests.stream().allMatch(r -> r.path("model").asText().equals("llama3.2:3b")));
    assertTrue(output.lines().anyMatch(line -> line.startsWith("llama3.2:3b") && line.contains(" $0.00 ")), output);
  }
}
