package dev.llmgen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.metrics.CallStatistics;
import dev.llmgen.runtime.metrics.CallSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample app's main job, on the simulated model with no simulated delay. */
class TriageAppTest {

  @Test
  void triagesEveryBundledTicketAndPrintsWhatItCost() {
    Injector injector = Guice.createInjector(
        new LlmRuntimeModule(ConfigSource.of(Map.of(
            "LLMGEN_PROVIDER", "simulated", "LLMGEN_SIMULATED_LATENCY_SCALE", "0"))),
        new SupportDeskModule());
    List<Ticket> tickets = TicketRepository.bundled();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<TriageOutcome> outcomes =
        TriageApp.triage(injector, tickets, 8, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(240, tickets.size());
    assertEquals(tickets, outcomes.stream().map(TriageOutcome::ticket).toList());
    assertTrue(outcomes.stream().allMatch(TriageOutcome::succeeded), () -> outcomes.stream()
        .filter(outcome -> !outcome.succeeded()).findFirst().orElseThrow().failure().orElseThrow());
    CallStatistics statistics = injector.getInstance(CallStatistics.class);
    assertEquals(3L * tickets.size(), statistics.overall().calls());
    for (String feature : List.of("SupportDesk.classify", "SupportDesk.extract", "SupportDesk.draftReply")) {
      assertEquals(tickets.size(), statistics.byFeature().get(feature).calls(), feature);
    }
    CallSummary cheap = statistics.byModel().get("gpt-4o-mini");
    CallSummary strong = statistics.byModel().get("gpt-4o");
    assertEquals(2L * tickets.size(), cheap.calls());
    assertEquals(tickets.size(), strong.calls());
    assertTrue(cheap.costNanos() > 0 && strong.costNanos() > cheap.costNanos());
    assertEquals(cheap.costNanos() + strong.costNanos(), statistics.overall().costNanos());
    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("Answers are SIMULATED"), output);
    assertTrue(output.contains("SupportDesk.draftReply"), output);
    assertTrue(output.contains("p95 ms"), output);
    assertTrue(output.contains("All calls                   720"), output);
  }

  @Test
  void aMissingApiKeyIsOneReadableMessageAndExitStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = TriageApp.run(ConfigSource.of(Map.of("LLMGEN_PROVIDER", "openai")), new String[0],
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(lines.get(0).startsWith("llmgen configuration: LLMGEN_PROVIDER=openai calls https://api.openai.com/v1,"
        + " which needs an API key: set OPENAI_API_KEY"), lines.get(0));
  }
}
