package dev.llmgen.sample;

import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Does a triage run's work again the naive way ({@link NaiveSupportDesk}: no cache, the strongest model
 * for everything) and measures what it costs and how long it takes one call after another.
 *
 * <p>Tickets run side by side only to keep the wait short: the time one after another is the sum of the
 * calls' latencies, failed ones included, which holds for the simulated model, whose latency does not
 * depend on its load.
 */
final class NaiveBaseline {

  private final NaiveSupportDesk desk;
  private final CostLedger costs;
  private final MeterRegistry meters;

  @Inject
  NaiveBaseline(NaiveSupportDesk desk, CostLedger costs, MeterRegistry meters) {
    this.desk = desk;
    this.costs = costs;
    this.meters = meters;
  }

  /**
   * @param calls calls made, failed ones included
   * @param sequentialTime the sum of the calls' latencies
   */
  record Measured(long calls, long costNanos, Duration sequentialTime) {}

  /**
   * The same work as the run that had {@code outcomes}: every ticket classified and its facts extracted,
   * and a reply drafted for each ticket the run replied to (the run's budgets and rate limits refused
   * the others, and a baseline that wrote them would be doing more, not the same).
   */
  Measured run(List<TriageOutcome> outcomes, int concurrency) {
    Set<String> replied = outcomes.stream()
        .filter(outcome -> outcome.reply().isPresent())
        .map(outcome -> outcome.ticket().id())
        .collect(Collectors.toSet());
    List<Ticket> tickets = outcomes.stream().map(TriageOutcome::ticket).toList();
    TicketWorkers.each(tickets, concurrency, ticket -> triage(ticket, replied.contains(ticket.id())),
        (ticket, failure) -> null);
    CostTotals total = costs.total(CostQuery.all());
    double latencyNanos = meters.find("llmgen.calls").timers().stream()
        .mapToDouble(timer -> timer.totalTime(TimeUnit.NANOSECONDS))
        .sum();
    return new Measured(total.calls(), total.costNanos(), Duration.ofNanos(Math.round(latencyNanos)));
  }

  private CompletableFuture<Void> triage(Ticket ticket, boolean reply) {
    Category category = desk.classify(ticket.subject(), ticket.body(), ticket.customerId());
    TicketFacts facts = desk.extract(ticket.subject(), ticket.body(), ticket.customerId());
    if (reply) {
      desk.draftReply(ticket.customerName(), category, facts, ticket.subject(), ticket.body(), ticket.customerId());
    }
    return CompletableFuture.completedFuture(null);
  }
}
