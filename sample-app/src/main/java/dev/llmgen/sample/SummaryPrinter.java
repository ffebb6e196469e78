package dev.llmgen.sample;

import dev.llmgen.runtime.metrics.CallStatistics;
import dev.llmgen.runtime.metrics.CallSummary;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Prints what triage did, and what it cost, as plain text tables. */
final class SummaryPrinter {

  private static final int SAMPLE_ROWS = 8;
  private static final int TOP_CUSTOMERS = 5;
  private static final String SUMMARY_HEADER = String.format("%-24s %6s %5s %10s %10s %12s %8s %8s",
      "", "calls", "fail", "input tok", "output tok", "cost USD", "p50 ms", "p95 ms");

  private final PrintStream out;

  SummaryPrinter(PrintStream out) {
    this.out = out;
  }

  void print(String provider, List<TriageOutcome> outcomes, CallStatistics statistics) {
    out.printf("llmgen sample: customer-support triage of %d tickets%n", outcomes.size());
    out.println(providerLine(provider));
    out.println();
    printSamples(outcomes);
    printTriage(outcomes);
    printTable("By feature", statistics.byFeature());
    printTable("By model", statistics.byModel());
    printTable("Top customers by cost", topByCost(statistics.byUser()));
    printRow("All calls", statistics.overall());
  }

  private static String providerLine(String provider) {
    return provider.equals("simulated")
        ? "Provider: simulated. Answers are SIMULATED by an in-process model, not written by a real LLM;"
            + " costs are what the named models would charge."
        : "Provider: " + provider;
  }

  private void printSamples(List<TriageOutcome> outcomes) {
    out.printf("%-7s %-15s %-7s %-6s %s%n", "ticket", "category", "urgency", "refund", "draft reply");
    for (TriageOutcome outcome : outcomes.subList(0, Math.min(SAMPLE_ROWS, outcomes.size()))) {
      if (outcome.succeeded()) {
        TicketFacts facts = outcome.facts().orElseThrow();
        out.printf("%-7s %-15s %-7s %-6s %s%n", outcome.ticket().id(), outcome.category().orElseThrow(),
            facts.urgency(), facts.refundRequested() ? "yes" : "no",
            shorten(outcome.reply().orElseThrow().value(), 70));
      } else {
        out.printf("%-7s FAILED: %s%n", outcome.ticket().id(), outcome.failure().orElseThrow());
      }
    }
    out.println();
  }

  private void printTriage(List<TriageOutcome> outcomes) {
    Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    int urgent = 0;
    int refunds = 0;
    int failed = 0;
    for (TriageOutcome outcome : outcomes) {
      if (!outcome.succeeded()) {
        failed++;
        continue;
      }
      byCategory.merge(outcome.category().orElseThrow(), 1, Integer::sum);
      TicketFacts facts = outcome.facts().orElseThrow();
      urgent += facts.urgency() == Urgency.HIGH ? 1 : 0;
      refunds += facts.refundRequested() ? 1 : 0;
    }
    out.println("Tickets by team: " + byCategory);
    out.printf("Urgent: %d, refund requests: %d, failed: %d%n%n", urgent, refunds, failed);
  }

  private void printTable(String title, Map<String, CallSummary> rows) {
    out.println(title);
    out.println(SUMMARY_HEADER);
    rows.forEach(this::printRow);
    out.println();
  }

  private void printRow(String name, CallSummary summary) {
    out.printf("%-24s %6d %5d %10d %10d %12s %8s %8s%n", shorten(name, 24), summary.calls(), summary.failures(),
        summary.inputTokens(), summary.outputTokens(), usd(summary.costUsd()), millis(summary.latencyP50()),
        millis(summary.latencyP95()));
  }

  private static Map<String, CallSummary> topByCost(Map<String, CallSummary> byUser) {
    Map<String, CallSummary> top = new java.util.LinkedHashMap<>();
    byUser.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, CallSummary> entry) -> entry.getValue().costNanos())
            .reversed())
        .limit(TOP_CUSTOMERS)
        .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
    return top;
  }

  private static String usd(BigDecimal amount) {
    return amount.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static String millis(Duration latency) {
    return String.valueOf(latency.toMillis());
  }

  private static String shorten(String text, int length) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 1) + "…";
  }
}
