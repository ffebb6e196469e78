package dev.llmgen.sample;

import dev.llmgen.runtime.LlmResult;
import java.util.Optional;

/**
 * What triage made of one ticket: its team, its facts and a draft reply, or the failure that stopped
 * it (its message, and its type, e.g. {@code BudgetExceededException}).
 */
public record TriageOutcome(
    Ticket ticket,
    Optional<Category> category,
    Optional<TicketFacts> facts,
    Optional<LlmResult<String>> reply,
    Optional<String> failure,
    Optional<String> failureType) {

  static TriageOutcome done(Ticket ticket, Category category, TicketFacts facts, LlmResult<String> reply) {
    return new TriageOutcome(
        ticket, Optional.of(category), Optional.of(facts), Optional.of(reply), Optional.empty(), Optional.empty());
  }

  static TriageOutcome failed(Ticket ticket, Throwable failure) {
    return new TriageOutcome(ticket, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(failure.getMessage()), Optional.of(failure.getClass().getSimpleName()));
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
