package dev.llmgen.runtime.provider.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

  private static final ModelCatalog CATALOG = ModelCatalog.bundled();
  private static final TokenCounter TOKENS = new TokenCounter();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final SimulatedSettings INSTANT = new SimulatedSettings(0, Map.of(), 42L);
  private static final List<String> PROMPTS = IntStream.range(0, 120)
      .mapToObj(i -> "Ticket " + i + ": the customer says the invoice for order " + (1000 + i) + " is wrong.")
      .toList();

  enum Priority { LOW, MEDIUM, HIGH, BILLING_ISSUE }

  record Customer(String name, boolean vip, double score) {}

  record Ticket(
      String title, Priority priority, List<String> tags, int severity, Customer customer,
      Optional<Customer> reviewer, Optional<String> note, LocalDate due, long count) {}

  private static final String TICKET_SCHEMA = """
      {"type":"object","properties":{
        "title":{"type":"string","description":"a short title"},
        "priority":{"type":"string","enum":["LOW","MEDIUM","HIGH","BILLING_ISSUE"]},
        "tags":{"type":"array","items":{"type":"string"}},
        "severity":{"type":"integer","minimum":1,"maximum":5},
        "customer":{"$ref":"#/$defs/Customer"},
        "reviewer":{"anyOf":[{"$ref":"#/$defs/Customer"},{"type":"null"}]},
        "note":{"type":["string","null"]},
        "due":{"type":"string","format":"date"},
        "count":{"type":"integer","exclusiveMinimum":10,"exclusiveMaximum":13}},
       "required":["title","priority","tags","severity","customer","reviewer","note","due","count"],
       "additionalProperties":false,
       "$defs":{"Customer":{"type":"object","properties":{
         "name":{"type":"string"},"vip":{"type":"boolean"},
         "score":{"type":"number","minimum":0,"exclusiveMaximum":1}},
        "required":["name","vip","score"],"additionalProperties":false}}}
      """;

  private static SimulatedProvider provider(SimulatedSettings settings) {
    return new SimulatedProvider(settings, CATALOG, TOKENS, TIMEOUT);
  }

  private static ChatRequest request(String model, String prompt, OutputFormat<?> format, int maxTokens) {
    String system = "You sort support tickets.\n\n" + format.instruction();
    return new ChatRequest(model, system, prompt, maxTokens, OptionalDouble.empty(), format.responseFormat());
  }

  private static Completion answer(SimulatedProvider provider, ChatRequest request) {
    CompletableFuture<Completion> future = provider.complete(request);
    assertTrue(future.isDone(), "with latency scale 0 the answer is there at once");
    return future.join();
  }

  private static <T> List<T> decodeAll(OutputFormat<T> format) {
    SimulatedProvider provider = provider(INSTANT);
    List<T> values = new ArrayList<>();
    for (String prompt : PROMPTS) {
      Completion completion = answer(provider, request("gpt-4o-mini", prompt, format, 1000));
      assertEquals("stop", completion.finishReason(), completion.text());
      values.add(format.decode(completion.text()));
    }
    return values;
  }

  @Test
  void sameRequestGetsSameAnswerFromAnyInstance() {
    OutputFormat<Ticket> format = OutputFormat.json(Ticket.class, "Ticket", TICKET_SCHEMA);
    ChatRequest request = request("gpt-4o-mini", PROMPTS.get(0), format, 1000);

    Completion first = answer(provider(INSTANT), request);
    Completion again = answer(provider(new SimulatedSettings(0, Map.of(), 7L)), request);

    assertEquals(first, again);
  }

  @Test
  void differentRequestsGetDifferentAnswers() {
    SimulatedProvider provider = provider(INSTANT);
    Set<String> texts = new HashSet<>();
    for (String prompt : PROMPTS.subList(0, 20)) {
      texts.add(answer(provider, request("gpt-4o-mini", prompt, OutputFormat.integer(), 100)).text());
    }
    assertTrue(texts.size() > 5, "integers drawn for 20 prompts: " + texts);

    ChatRequest onMini = request("gpt-4o-mini", PROMPTS.get(3), OutputFormat.text(), 100);
    ChatRequest onNano = request("gpt-5-nano", PROMPTS.get(3), OutputFormat.text(), 100);
    assertNotEquals(answer(provider, onMini).text(), answer(provider, onNano).text());
  }

  @Test
  void textAnswerMentionsThePromptAndSaysItIsSimulated() {
    ChatRequest request = request("gpt-4o", "How do I reset the router password?", OutputFormat.text(), 200);

    Completion completion = answer(provider(INSTANT), request);

    assertTrue(completion.text().startsWith("[simulated] "), completion.text());
    assertTrue(completion.text().contains("router") && completion.text().contains("password"), completion.text());
    assertEquals(completion.text(), OutputFormat.text().decode(completion.text()));
    assertEquals("gpt-4o", completion.model());
  }

  @Test
  void completionNamesTheRequestedModelEvenForASnapshot() {
    Completion completion = answer(provider(INSTANT),
        request("gpt-4o-2024-08-06", "Hello there", OutputFormat.text(), 100));

    assertEquals("gpt-4o-2024-08-06", completion.model());
  }

  @Test
  void choiceAnswersAreExactlyOneValueAndDecode() {
    List<Priority> values = decodeAll(OutputFormat.choice(Priority.values()));

    assertEquals(EnumSet.allOf(Priority.class), EnumSet.copyOf(values));
    SimulatedProvider provider = provider(INSTANT);
    String raw = answer(provider, request("gpt-4o-mini", "x", OutputFormat.choice(Priority.values()), 10)).text();
    assertTrue(List.of("LOW", "MEDIUM", "HIGH", "BILLING_ISSUE").contains(raw), raw);
  }

  @Test
  void booleanAnswersDecodeToBothValues() {
    assertEquals(Set.of(true, false), new HashSet<>(decodeAll(OutputFormat.bool())));
  }

  @Test
  void integerAnswersDecode() {
    List<Integer> integers = decodeAll(OutputFormat.integer());
    List<Long> longs = decodeAll(OutputFormat.longInteger());

    assertTrue(new TreeSet<>(integers).size() > 10, "varied: " + integers);
    assertTrue(longs.stream().allMatch(value -> value >= 0 && value <= 100), longs::toString);
  }

  @Test
  void decimalAnswersDecode() {
    List<Double> decimals = decodeAll(OutputFormat.decimal());

    assertTrue(decimals.stream().anyMatch(value -> value != Math.rint(value)), "some have decimals: " + decimals);
  }

  @Test
  void textAnswersDecode() {
    assertTrue(decodeAll(OutputFormat.text()).stream().allMatch(text -> text.startsWith("[simulated]")));
  }

  @Test
  void jsonAnswersFollowTheSchema() {
    List<Ticket> tickets = decodeAll(OutputFormat.json(Ticket.class, "Ticket", TICKET_SCHEMA));

    Set<Priority> priorities = EnumSet.noneOf(Priority.class);
    Set<Integer> severities = new TreeSet<>();
    for (Ticket ticket : tickets) {
      priorities.add(ticket.priority());
      severities.add(ticket.severity());
      assertTrue(ticket.title().startsWith("simulated title "), ticket.title());
      assertTrue(ticket.tags().size() >= 1 && ticket.tags().size() <= 3, ticket.tags()::toString);
      assertTrue(ticket.customer().score() >= 0 && ticket.customer().score() < 1, ticket::toString);
      assertTrue(ticket.reviewer().isPresent() && ticket.note().isPresent(), "nullable parts are filled in");
      assertTrue(ticket.count() == 11 || ticket.count() == 12, ticket::toString);
      assertTrue(ticket.due().getYear() >= 2024, ticket::toString);
    }
    assertEquals(EnumSet.allOf(Priority.class), priorities);
    assertEquals(Set.of(1, 2, 3, 4, 5), severities);
  }

  @Test
  void jsonAnswersAreCompleteForSchemasWithoutTypesOrWithFormats() {
    record Event(String id, String at, String when, List<Integer> counts, String free) {}
    String schema = """
        {"type":"object","properties":{
          "id":{"type":"string","format":"uuid"},
          "at":{"type":"string","format":"date-time"},
          "when":{"type":"string","format":"time"},
          "counts":{"type":"array","items":{"type":"integer","maximum":-5},"minItems":4,"maxItems":4},
          "free":{}},
         "required":["id","at","when","counts","free"]}
        """;

    for (Event event : decodeAll(OutputFormat.json(Event.class, "Event", schema))) {
      assertEquals(4, java.util.UUID.fromString(event.id()).version());
      java.time.Instant.parse(event.at());
      java.time.LocalTime.parse(event.when());
      assertEquals(4, event.counts().size());
      assertTrue(event.counts().stream().allMatch(count -> count <= -5), event::toString);
      assertTrue(event.free().startsWith("simulated"), event::toString);
    }
  }

  @Test
  void aSchemaThatAdmitsNoAnswerIsABadRequest() {
    String schema = """
        {"type":"object","properties":{"customer":{"$ref":"#/$defs/Missing"}},"required":["customer"]}
        """;
    ChatRequest request = request("gpt-4o-mini", "x", OutputFormat.json(Ticket.class, "Broken", schema), 100);

    LlmProviderException error = failure(provider(INSTANT).complete(request), LlmProviderException.class);

    assertEquals(400, error.statusCode());
    assertTrue(error.getMessage().startsWith("simulated model gpt-4o-mini cannot answer"), error.getMessage());
    assertTrue(error.getMessage().contains("#/$defs/Missing"), error.getMessage());
  }

  @Test
  void usageIsCountedWithTheModelsTokenizer() {
    String prompt = "Größenordnung der Übersetzungskosten: 日本語のテキスト";
    Encoding o200k = TOKENS.encoding("o200k_base");
    Encoding cl100k = TOKENS.encoding("cl100k_base");
    assertNotEquals(TOKENS.count(o200k, prompt), TOKENS.count(cl100k, prompt), "the prompt tells them apart");

    assertUsage("gpt-4o-mini", prompt, o200k);
    assertUsage("claude-sonnet-4-20250514", prompt, cl100k);
    assertUsage("llama3.2:3b", prompt, TOKENS.encoding(TokenCounter.DEFAULT_TOKENIZER));
  }

  private static void assertUsage(String model, String prompt, Encoding encoding) {
    ChatRequest request = request(model, prompt, OutputFormat.text(), 500);

    Completion completion = answer(provider(INSTANT), request);

    TokenUsage expected = new TokenUsage(
        TOKENS.countChatInput(encoding, request.system(), prompt), 0, TOKENS.count(encoding, completion.text()), true);
    assertEquals(Optional.of(expected), completion.usage(), model);
    assertTrue(expected.outputTokens() > 10, "a real answer: " + completion.text());
  }

  @Test
  void answersLongerThanMaxTokensAreCutAndSaySo() {
    SimulatedProvider provider = provider(INSTANT);
    Completion full = answer(provider, request("gpt-4o-mini", PROMPTS.get(0), OutputFormat.text(), 1000));
    Completion cut = answer(provider, request("gpt-4o-mini", PROMPTS.get(0), OutputFormat.text(), 5));

    assertEquals("stop", full.finishReason());
    assertFalse(full.truncated());
    assertEquals(Completion.FINISH_LENGTH, cut.finishReason());
    assertTrue(cut.truncated());
    assertTrue(full.text().startsWith(cut.text()) && cut.text().length() < full.text().length(), cut.text());
    int outputTokens = cut.usage().orElseThrow().outputTokens();
    assertTrue(outputTokens > 0 && outputTokens <= 5, "output tokens " + outputTokens);
    assertEquals(TOKENS.count(TOKENS.encoding("o200k_base"), cut.text()), outputTokens);
  }

  @Test
  void structuredAnswersAreCutAtMaxTokensToo() {
    OutputFormat<Ticket> format = OutputFormat.json(Ticket.class, "Ticket", TICKET_SCHEMA);

    Completion cut = answer(provider(INSTANT), request("gpt-4o-mini", PROMPTS.get(0), format, 8));

    assertTrue(cut.truncated());
    assertTrue(cut.usage().orElseThrow().outputTokens() <= 8);
    assertThrows(IllegalArgumentException.class, () -> format.decode(cut.text()));
  }

  @Test
  void rateLimitFaultIsA429WithRetryAfter() {
    SimulatedProvider provider = provider(new SimulatedSettings(0, Map.of(SimulatedFault.RATE_LIMIT, 1.0), 1L));

    CompletableFuture<Completion> future = provider.complete(request("gpt-4o-mini", "x", OutputFormat.text(), 10));

    assertTrue(future.isDone());
    LlmProviderException error = failure(future, LlmProviderException.class);
    assertEquals(LlmProviderException.class, error.getClass());
    assertEquals(429, error.statusCode());
    assertEquals(Optional.of("rate_limit_exceeded"), error.errorCode());
    assertEquals(Optional.of(Duration.ofSeconds(1)), error.retryAfter());
    assertEquals("simulated", error.provider());
    assertEquals("gpt-4o-mini", error.model());
    assertTrue(error.isRetryable());
    assertTrue(error.getMessage().startsWith("simulated rate limit"), error.getMessage());
  }

  @Test
  void serverErrorFaultIsA500() {
    SimulatedProvider provider = provider(new SimulatedSettings(0, Map.of(SimulatedFault.SERVER_ERROR, 1.0), 1L));

    LlmProviderException error =
        failure(provider.complete(request("gpt-4o-mini", "x", OutputFormat.text(), 10)), LlmProviderException.class);

    assertEquals(500, error.statusCode());
    assertEquals(Optional.of("server_error"), error.errorCode());
    assertTrue(error.getMessage().startsWith("simulated server error"), error.getMessage());
  }

  @Test
  void timeoutFaultIsATimeoutException() {
    SimulatedProvider provider = provider(new SimulatedSettings(0, Map.of(SimulatedFault.TIMEOUT, 1.0), 1L));

    CompletableFuture<Completion> future = provider.complete(request("gpt-4o-mini", "x", OutputFormat.text(), 10));

    assertTrue(future.isDone(), "at latency scale 0 even a timeout is immediate");
    LlmTimeoutException error = failure(future, LlmTimeoutException.class);
    assertEquals(TIMEOUT, error.timeout());
    assertTrue(error.getMessage().startsWith("simulated"), error.getMessage());
  }

  @Test
  void anAnswerSlowerThanTheTimeoutTimesOut() {
    SimulatedProvider provider = new SimulatedProvider(
        new SimulatedSettings(1, Map.of(), 1L), CATALOG, TOKENS, Duration.ofMillis(1));

    failure(provider.complete(request("o1", "x", OutputFormat.text(), 100)), LlmTimeoutException.class);
  }

  @Test
  void aRequestsOwnTimeoutOverridesTheProviders() {
    Duration timeout = Duration.ofMillis(5);
    ChatRequest request = new ChatRequest("o1", "", "x", 100, OptionalDouble.empty(),
        OutputFormat.text().responseFormat(), false, Optional.of(timeout));

    LlmTimeoutException error = failure(provider(INSTANT).complete(request), LlmTimeoutException.class);

    assertEquals(timeout, error.timeout(), "not the provider's " + TIMEOUT);
  }

  @Test
  void faultsFollowTheSeed() {
    Map<SimulatedFault, Double> rates = Map.of(SimulatedFault.RATE_LIMIT, 0.3, SimulatedFault.SERVER_ERROR, 0.3);

    List<Integer> first = outcomes(provider(new SimulatedSettings(0, rates, 5L)), 40);
    List<Integer> again = outcomes(provider(new SimulatedSettings(0, rates, 5L)), 40);
    List<Integer> otherSeed = outcomes(provider(new SimulatedSettings(0, rates, 6L)), 40);

    assertEquals(first, again);
    assertNotEquals(first, otherSeed);
    assertEquals(Set.of(200, 429, 500), new HashSet<>(first));
    assertEquals(Set.of(200), new HashSet<>(outcomes(provider(INSTANT), 40)));
  }

  private static List<Integer> outcomes(SimulatedProvider provider, int calls) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      CompletableFuture<Completion> future = provider.complete(request("gpt-4o-mini", "x", OutputFormat.text(), 10));
      statuses.add(future.handle((completion, error) ->
          error == null ? 200 : ((LlmProviderException) error).statusCode()).join());
    }
    return statuses;
  }

  @Test
  void concurrentCallsShareOneSequenceOfFaultDraws() throws Exception {
    SimulatedSettings settings = new SimulatedSettings(0, Map.of(SimulatedFault.SERVER_ERROR, 0.5), 11L);
    List<Integer> sequential = outcomes(provider(settings), 800);
    SimulatedProvider shared = provider(settings);

    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<List<Integer>>> batches = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        batches.add(threads.submit(() -> outcomes(shared, 100)));
      }
      List<Integer> concurrent = new ArrayList<>();
      for (Future<List<Integer>> batch : batches) {
        concurrent.addAll(batch.get());
      }

      assertEquals(count(sequential, 500), count(concurrent, 500), "the same draws, in another order");
    } finally {
      threads.shutdown();
    }
  }

  private static long count(List<Integer> statuses, int status) {
    return statuses.stream().filter(each -> each == status).count();
  }

  @Test
  void withPositiveLatencyScaleTheAnswerArrivesLater() {
    SimulatedProvider provider = provider(new SimulatedSettings(3, Map.of(), 1L));

    CompletableFuture<Completion> future = provider.complete(request("gpt-4o-mini", "x", OutputFormat.bool(), 10));

    assertFalse(future.isDone());
    assertEquals(Boolean.class, OutputFormat.bool().decode(future.join().text()).getClass());
  }

  @Test
  void withPositiveLatencyScaleFaultsArriveLater() {
    SimulatedProvider provider = provider(new SimulatedSettings(3, Map.of(SimulatedFault.RATE_LIMIT, 1.0), 1L));

    CompletableFuture<Completion> future = provider.complete(request("gpt-4o-mini", "x", OutputFormat.bool(), 10));

    assertFalse(future.isDone());
    assertEquals(429, failure(future, LlmProviderException.class).statusCode());
  }

  @Test
  void cheaperModelsAnswerFaster() {
    SimulatedLatency latency = new SimulatedLatency(new PricePosition(CATALOG));

    assertTrue(latency.answer("gpt-5-nano", 100).compareTo(latency.answer("gpt-4o-mini", 100)) < 0);
    assertTrue(latency.answer("gpt-4o-mini", 100).compareTo(latency.answer("gpt-4o", 100)) < 0);
    assertTrue(latency.answer("gpt-4o", 100).compareTo(latency.answer("claude-opus-4-1", 100)) < 0);
    assertTrue(latency.answer("gpt-4o-mini", 500).compareTo(latency.answer("gpt-4o-mini", 50)) > 0);
    assertEquals(latency.firstToken("gpt-4o-mini"), latency.answer("gpt-4o-mini", 0));
    assertEquals(Duration.ofMillis(375), latency.firstToken("llama3.2:3b"), "unknown models sit in the middle");
    for (var entry : CATALOG.entries()) {
      Duration firstToken = latency.firstToken(entry.name());
      assertTrue(firstToken.toMillis() >= 150 && firstToken.toMillis() <= 600, entry.name() + ": " + firstToken);
    }
  }

  @Test
  void nameIsSimulated() {
    assertEquals("simulated", provider(INSTANT).name());
  }

  private static <E extends Throwable> E failure(CompletableFuture<Completion> future, Class<E> type) {
    CompletionException thrown = assertThrows(CompletionException.class, future::join);
    return assertInstanceOf(type, thrown.getCause());
  }
}
