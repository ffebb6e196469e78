package dev.llmgen.sample;

import static dev.llmgen.sample.report.ReportFormat.usd;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.budget.BudgetUse;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import dev.llmgen.runtime.ratelimit.RateLimitStatistics;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints what triage did, and what it cost, as plain text tables. */
final class SummaryPrinter {

  private static final int SAMPLE_ROWS = 8;
  private static final int TOP_CUSTOMERS = 5;
  private static final String SUMMARY_HEADER = String.format(Locale.ROOT, "%-24s %6s %5s %6s %10s %10s %12s",
      "", "calls", "fail", "cached", "input tok", "output tok", "cost");

  private final PrintStream out;

  SummaryPrinter(PrintStream out) {
    this.out = out;
  }

  void print(String provider, List<TriageOutcome> outcomes, CostControls controls) {
    CostLedger costs = controls.costs();
    out.printf(Locale.ROOT, "llmgen sample: customer-support triage of %d tickets%n", outcomes.size());
    out.println(providerLine(provider));
    out.println();
    printSamples(outcomes);
    printTriage(outcomes);
    printTable("Top customers by cost", topByCost(costs.byUser(CostQuery.all())));
    printRow("All calls", costs.total(CostQuery.all()));
    out.println();
    printBudgets(controls.budgets().usage());
    printRateLimits(controls.rateLimits().statistics());
    printResilience(outcomes, controls);
  }

  private void printResilience(List<TriageOutcome> outcomes, CostControls controls) {
    out.println();
    out.println("Resilience");
    Map<String, Long> retries = new TreeMap<>(controls.retries().retries());
    retries.values().removeIf(count -> count == 0);
    out.println("Retries after transient failures: " + (retries.isEmpty() ? "none" : retries));
    Map<String, Long> fallbacks = outcomes.stream()
        .flatMap(outcome -> outcome.reply().stream())
        .filter(LlmResult::fellBack)
        .collect(Collectors.groupingBy(LlmResult::model, TreeMap::new, Collectors.counting()));
    out.println("Replies written by a fallback model: " + (fallbacks.isEmpty() ? "none" : fallbacks));
    out.println("Circuit breakers: " + controls.circuits().states());
  }

  private void printBudgets(List<BudgetUse> usage) {
    out.println("Budgets: most spent against a per-user daily limit");
    out.printf(Locale.ROOT, "%-28s %-12s %12s %12s%n", "customer", "day", "spent", "limit");
    usage.stream()
        .filter(use -> use.window().perUser() && use.hasLimit() && use.limitName().equals("perUserDailyUsd"))
        .sorted(Comparator.comparingLong(BudgetUse::spentNanos).reversed())
        .limit(TOP_CUSTOMERS)
        .forEach(use -> out.printf(Locale.ROOT, "%-28s %-12s %12s %12s%n", use.window().user(), use.window().period(),
            usd(use.spentNanos()), usd(use.limitNanos())));
    usage.stream()
        .filter(use -> !use.window().perUser() && use.hasLimit())
        .forEach(use -> out.printf(Locale.ROOT, "%-28s %-12s %12s %12s%n", "whole app (" + use.limitName() + ")",
            use.window().period(), usd(use.spentNanos()), usd(use.limitNanos())));
    out.println();
  }

  private void printRateLimits(Map<String, RateLimitStatistics> limits) {
    out.println("Rate limits");
    out.printf(Locale.ROOT, "%-24s %8s %6s %12s %8s%n", "", "admitted", "waited", "wait ms", "refused");
    limits.forEach((feature, limit) -> out.printf(Locale.ROOT, "%-24s %8d %6d %12d %8d%n", shorten(feature, 24),
        limit.admitted(), limit.waited(), limit.totalWait().toMillis(), limit.rejected()));
  }

  private static String providerLine(String provider) {
    return provider.equals("simulated")
        ? "Provider: simulated. Answers are SIMULATED by an in-process model, not written by a real LLM;"
            + " costs are what the named models would charge."
        : "Provider: " + provider;
  }

  private void printSamples(List<TriageOutcome> outcomes) {
    out.printf(Locale.ROOT, "%-7s %-15s %-7s %-6s %s%n", "ticket", "category", "urgency", "refund", "draft reply");
    for (TriageOutcome outcome : outcomes.subList(0, Math.min(SAMPLE_ROWS, outcomes.size()))) {
      if (outcome.succeeded()) {
        TicketFacts facts = outcome.facts().orElseThrow();
        out.printf(Locale.ROOT, "%-7s %-15s %-7s %-6s %s%n", outcome.ticket().id(), outcome.category().orElseThrow(),
            facts.urgency(), facts.refundRequested() ? "yes" : "no",
            shorten(outcome.reply().orElseThrow().value(), 70));
      } else {
        out.printf(Locale.ROOT, "%-7s not answered: %s%n", outcome.ticket().id(), outcome.failure().orElseThrow());
      }
    }
    out.println();
  }

  private void printTriage(List<TriageOutcome> outcomes) {
    Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    Map<String, Integer> failures = new TreeMap<>();
    int urgent = 0;
    int refunds = 0;
    for (TriageOutcome outcome : outcomes) {
      if (!outcome.succeeded()) {
        failures.merge(outcome.failureType().orElseThrow(), 1, Integer::sum);
        continue;
      }
      byCategory.merge(outcome.category().orElseThrow(), 1, Integer::sum);
      TicketFacts facts = outcome.facts().orElseThrow();
      urgent += facts.urgency() == Urgency.HIGH ? 1 : 0;
      refunds += facts.refundRequested() ? 1 : 0;
    }
    out.println("Tickets by team: " + byCategory);
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    out.printf(Locale.ROOT, "Urgent: %d, refund requests: %d, not answered: %d %s%n%n", urgent, refunds, failed,
        failures.isEmpty() ? "" : failures.toString());
  }

  private void printTable(String title, Map<String, CostTotals> rows) {
    out.println(title);
    out.println(SUMMARY_HEADER);
    rows.forEach(this::printRow);
    out.println();
  }

  private void printRow(String name, CostTotals totals) {
    out.printf(Locale.ROOT, "%-24s %6d %5d %6d %10d %10d %12s%n", shorten(name, 24), totals.calls(), totals.failures(),
        totals.cacheHits(), totals.inputTokens(), totals.outputTokens(), usd(totals.costNanos()));
  }

  private static Map<String, CostTotals> topByCost(Map<String, CostTotals> byUser) {
    Map<String, CostTotals> top = new LinkedHashMap<>();
    byUser.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, CostTotals> entry) -> entry.getValue().costNanos())
            .reversed())
        .limit(TOP_CUSTOMERS)
        .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
    return top;
  }

  private static String shorten(String text, int length) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 1) + "…";
  }
}
