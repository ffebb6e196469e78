package dev.llmgen.sample;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the triage workload the naive way ({@link NaiveSupportDesk}: no cache, the strongest model for
 * everything) and measures what it costs and how long it takes one call after another.
 *
 * <p>Tickets run side by side only to keep the wait short: the time one after another is the sum of the
 * calls' latencies, which holds for the simulated model, whose latency does not depend on its load.
 */
final class NaiveBaseline {

  private final NaiveSupportDesk desk;
  private final CostLedger costs;
  private final LongAdder latencyNanos = new LongAdder();

  @Inject
  NaiveBaseline(NaiveSupportDesk desk, CostLedger costs) {
    this.desk = desk;
    this.costs = costs;
  }

  /**
   * @param calls calls made, failed ones included
   * @param sequentialTime the sum of the answered calls' latencies
   */
  record Measured(long calls, long costNanos, Duration sequentialTime) {}

  Measured run(List<Ticket> tickets, int concurrency) {
    TicketWorkers.each(tickets, concurrency, this::triage, (ticket, failure) -> null);
    CostTotals total = costs.total(CostQuery.all());
    return new Measured(total.calls(), total.costNanos(), Duration.ofNanos(latencyNanos.sum()));
  }

  private CompletableFuture<Void> triage(Ticket ticket) {
    LlmResult<Category> category = timed(desk.classify(ticket.subject(), ticket.body(), ticket.customerId()));
    LlmResult<TicketFacts> facts = timed(desk.extract(ticket.subject(), ticket.body(), ticket.customerId()));
    timed(desk.draftReply(ticket.customerName(), category.value(), facts.value(), ticket.subject(), ticket.body(),
        ticket.customerId()));
    return CompletableFuture.completedFuture(null);
  }

  private <T> LlmResult<T> timed(LlmResult<T> result) {
    latencyNanos.add(result.latency().toNanos());
    return result;
  }
}
