package dev.llmgen.sample;

import dev.llmgen.runtime.LlmResult;
import java.util.Optional;

/**
 * What triage made of one ticket: its team, its facts (with the cascade's attempts) and a draft
 * reply, or the failure that stopped it (its message, and its type, e.g. {@code BudgetExceededException}).
 */
public record TriageOutcome(
    Ticket ticket,
    Optional<Category> category,
    Optional<LlmResult<TicketFacts>> extraction,
    Optional<LlmResult<String>> reply,
    Optional<String> failure,
    Optional<String> failureType) {

  static TriageOutcome done(
      Ticket ticket, Category category, LlmResult<TicketFacts> extraction, LlmResult<String> reply) {
    return new TriageOutcome(ticket, Optional.of(category), Optional.of(extraction), Optional.of(reply),
        Optional.empty(), Optional.empty());
  }

  /** Classified and extracted, but no reply could be drafted. */
  static TriageOutcome unanswered(
      Ticket ticket, Category category, LlmResult<TicketFacts> extraction, Throwable failure) {
    return new TriageOutcome(ticket, Optional.of(category), Optional.of(extraction), Optional.empty(),
        Optional.of(failure.getMessage()), Optional.of(failure.getClass().getSimpleName()));
  }

  static TriageOutcome failed(Ticket ticket, Throwable failure) {
    return new TriageOutcome(ticket, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(failure.getMessage()), Optional.of(failure.getClass().getSimpleName()));
  }

  public Optional<TicketFacts> facts() {
    return extraction.map(LlmResult::value);
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
