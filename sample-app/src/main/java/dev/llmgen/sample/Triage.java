package dev.llmgen.sample;

import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Failures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Triages tickets: classify with the cheap model, extract facts with the cheap model or, when it
 * is unsure, the strong one, then draft a reply with the strong one. Tickets run concurrently; a ticket that fails is reported and does not stop the others.
 */
public final class Triage {

  private final SupportDesk desk;

  @Inject
  Triage(SupportDesk desk) {
    this.desk = desk;
  }

  /** The outcome of every ticket, in the order given. */
  public List<TriageOutcome> run(List<Ticket> tickets, int concurrency) {
    return TicketWorkers.each(tickets, concurrency, this::triage, TriageOutcome::failed);
  }

  private CompletableFuture<TriageOutcome> triage(Ticket ticket) {
    Category category = desk.classify(ticket.subject(), ticket.body(), ticket.customerId());
    LlmResult<TicketFacts> extraction = desk.extract(ticket.subject(), ticket.body(), ticket.customerId());
    return desk.draftReply(ticket.customerName(), category, extraction.value(), ticket.subject(), ticket.body(),
            ticket.customerId())
        .handle((reply, failure) -> failure == null
            ? TriageOutcome.done(ticket, category, extraction, reply)
            : TriageOutcome.unanswered(ticket, category, extraction, Failures.unwrap(failure)));
  }

}
