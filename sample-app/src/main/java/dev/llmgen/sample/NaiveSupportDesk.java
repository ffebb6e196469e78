package dev.llmgen.sample;

import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.UserId;

/**
 * The help desk's three calls done the naive way, for the report's baseline: the same prompts as
 * {@link SupportDesk}, every one to the strongest model, with no cache and no cascade.
 */
public interface NaiveSupportDesk {

  @LlmCall(model = SupportDesk.STRONG, maxTokens = 5, temperature = 0, system = SupportDesk.SYSTEM,
      prompt = SupportDesk.CLASSIFY)
  Category classify(String subject, String body, @UserId String customerId);

  @LlmCall(model = SupportDesk.STRONG, maxTokens = 200, temperature = 0, system = SupportDesk.SYSTEM,
      prompt = SupportDesk.EXTRACT)
  TicketFacts extract(String subject, String body, @UserId String customerId);

  @LlmCall(model = SupportDesk.STRONG, maxTokens = 250, temperature = 0.4, system = SupportDesk.REPLY_SYSTEM,
      prompt = SupportDesk.DRAFT_REPLY)
  String draftReply(
      String customerName, Category category, TicketFacts facts, String subject, String body,
      @UserId String customerId);
}
