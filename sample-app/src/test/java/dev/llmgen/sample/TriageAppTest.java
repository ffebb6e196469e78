package dev.llmgen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.budget.BudgetUse;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.cache.CacheStatistics;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample app's main job, on the simulated model with no simulated delay. */
class TriageAppTest {

  private static final ConfigSource SIMULATED_AT_ONCE = ConfigSource.of(Map.of(
      "LLMGEN_PROVIDER", "simulated", "LLMGEN_SIMULATED_LATENCY_SCALE", "0"));

  @TempDir Path directory;

  @Test
  void triagesEveryBundledTicketWithinItsCostControlsAndPrintsWhatItCost() throws IOException {
    Injector injector = Guice.createInjector(new LlmRuntimeModule(SIMULATED_AT_ONCE), new SupportDeskModule());
    Injector naive = Guice.createInjector(new LlmRuntimeModule(SIMULATED_AT_ONCE), new NaiveSupportDeskModule());
    List<Ticket> tickets = TicketRepository.bundled();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path report = directory.resolve("report.html");

    List<TriageOutcome> outcomes = TriageApp.triage(
        injector, Optional.of(naive), tickets, 8, new PrintStream(printed, true, StandardCharsets.UTF_8), report);

    assertEquals(240, tickets.size());
    assertEquals(tickets, outcomes.stream().map(TriageOutcome::ticket).toList());
    Set<String> refusals = Set.of("BudgetExceededException", "RateLimitedException");
    assertTrue(outcomes.stream().allMatch(outcome -> outcome.succeeded()
        || refusals.contains(outcome.failureType().orElseThrow())), () -> outcomes.stream()
        .filter(outcome -> !outcome.succeeded()).map(TriageOutcome::failure).toList().toString());
    assertTrue(outcomes.stream().filter(TriageOutcome::succeeded).count() > tickets.size() / 2);

    // Classification and extraction never fail, and repeated messages are answered from the cache.
    CostLedger costs = injector.getInstance(CostLedger.class);
    assertEquals(3L * tickets.size(), costs.total(CostQuery.all()).calls());
    long distinctMessages = tickets.stream().map(ticket -> ticket.subject() + "\n" + ticket.body()).distinct().count();
    CacheStatistics classifyCache = injector.getInstance(CacheStages.class).statistics().get("SupportDesk.classify");
    assertEquals(distinctMessages, classifyCache.misses());
    assertEquals(tickets.size() - distinctMessages, classifyCache.hits());
    assertEquals(classifyCache.hits(), costs.byFeature(CostQuery.all()).get("SupportDesk.classify").cacheHits());
    assertEquals(0, costs.byFeature(CostQuery.all()).get("SupportDesk.classify").failures());
    assertEquals(0, costs.byFeature(CostQuery.all()).get("SupportDesk.extract").failures());

    // The extraction cascade answers most tickets with the cheap model and asks the strong one when the cheap
    // one is unsure; either way it costs less than asking the strong model every time.
    List<LlmResult<?>> extractions = outcomes.stream()
        .flatMap(outcome -> outcome.extraction().stream()).<LlmResult<?>>map(result -> result).toList();
    assertEquals(tickets.size(), extractions.size());
    CascadeSplit split = CascadeSplit.of(extractions, ModelCatalog.bundled().find("gpt-4o").orElseThrow().prices());
    assertEquals(distinctMessages, split.calls());
    assertTrue(split.answeredBy().get("gpt-4o-mini") > split.answeredBy().get("gpt-4o"), split::toString);
    assertTrue(split.answeredBy().get("gpt-4o") > 0, split::toString);
    assertTrue(split.savedNanos() > 0 && split.costNanos() > 0, split::toString);
    for (LlmResult<?> extraction : extractions) {
      assertEquals(extraction.fromCache(), extraction.attempts().isEmpty(), extraction::toString);
      assertEquals(extraction.costNanos(), extraction.attempts().stream().mapToLong(Attempt::totalCostNanos).sum());
    }

    // No customer spent past the daily reply budget, and none got more than 4 replies in the minute.
    for (BudgetUse use : injector.getInstance(BudgetStages.class).usage()) {
      assertTrue(use.spentNanos() <= use.limitNanos(), use.toString());
    }
    Map<String, Long> repliesPerCustomer = outcomes.stream().filter(TriageOutcome::succeeded)
        .collect(Collectors.groupingBy(outcome -> outcome.ticket().customerId(), Collectors.counting()));
    assertTrue(repliesPerCustomer.values().stream().allMatch(replies -> replies <= 4), repliesPerCustomer::toString);

    CostTotals cheap = costs.byModel(CostQuery.all()).get("gpt-4o-mini");
    CostTotals strong = costs.byModel(CostQuery.all()).get("gpt-4o");
    assertTrue(cheap.costNanos() > 0 && strong.costNanos() > 0);
    assertEquals(cheap.costNanos() + strong.costNanos(), costs.total(CostQuery.all()).costNanos());
    // The naive baseline (no cache, the strongest model for everything) did the same work for more money:
    // every ticket classified and extracted, and the replies the run wrote.
    CostTotals naiveTotal = naive.getInstance(CostLedger.class).total(CostQuery.all());
    long replies = outcomes.stream().filter(outcome -> outcome.reply().isPresent()).count();
    assertEquals(2L * tickets.size() + replies, naiveTotal.calls());
    assertEquals(Set.of("gpt-4o"), naive.getInstance(CostLedger.class).byModel(CostQuery.all()).keySet());
    assertTrue(naiveTotal.costNanos() > costs.total(CostQuery.all()).costNanos(), naiveTotal::toString);

    String output = printed.toString(StandardCharsets.UTF_8);
    for (String expected : List.of("Answers are SIMULATED", "Top customers by cost",
        "All calls                   720", "Budgets: most spent against a per-user daily limit",
        "whole app (perAppDailyUsd)", "Rate limits", "refused", "Resilience", "Circuit breakers",
        "Cost per feature", "Cost per model", "Latency percentiles", "Response cache", "Cascade split",
        "Savings against the naive baseline", "Report: " + report.toAbsolutePath())) {
      assertTrue(output.contains(expected), () -> expected + " missing from:\n" + output);
    }
    String page = Files.readString(report);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    for (String expected : List.of("SupportDesk.classify", "SupportDesk.draftReply", "gpt-4o-mini", "<svg")) {
      assertTrue(page.contains(expected), expected);
    }
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "the page opens without a network");
  }

  @Test
  void aReportThatCannotBeWrittenIsOneReadableMessageAndExitStatus1() throws IOException {
    Path notADirectory = Files.writeString(directory.resolve("taken"), "a file, not a directory");
    Path report = notADirectory.resolve("report.html");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = TriageApp.run(SIMULATED_AT_ONCE, new String[] {"2", "2", report.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(1, status);
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(lines.get(0).startsWith("Cannot write the report to " + report.toAbsolutePath()), lines.get(0));
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

  @Test
  void aModelWhoseProviderIsNotConfiguredIsOneReadableMessageAndExitStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> environment =
        Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "LLMGEN_MODEL_MAP", "gpt-4o=claude-sonnet-4-5");

    int status = TriageApp.run(ConfigSource.of(environment), new String[0],
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(List.of("llmgen configuration: model claude-sonnet-4-5 is served by Anthropic, which is not"
        + " configured: set ANTHROPIC_API_KEY"), err.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
