package dev.llmgen.sample;

import dev.llmgen.annotations.Budget;
import dev.llmgen.annotations.Cached;
import dev.llmgen.annotations.Cascade;
import dev.llmgen.annotations.Fallback;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.RateLimited;
import dev.llmgen.annotations.UserId;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.cascade.ConfidenceScorer;
import java.util.concurrent.CompletableFuture;

/**
 * The help desk's three model calls. llmgen checks this interface at compile time and generates
 * {@code SupportDeskImpl} and {@code SupportDeskModule}.
 *
 * <p>Classification and extraction run at temperature 0, so a message seen before (customers write
 * again when no answer comes) is answered from the cache. Extraction is a cascade: the cheap model
 * first, and the strong one only when the cheap model is unsure of its answer (its tokens' mean
 * probability is below 0.8); it stays within the provider's first-tier limits. Replies use the strong
 * model, so they are budgeted per customer and per day, one customer cannot flood them, and when the
 * strong model is down (its retries exhausted or its circuit open) Claude writes them instead.
 */
public interface SupportDesk {

  /** The cheap model, which classifies and extracts first. */
  String CHEAP = "gpt-4o-mini";
  /** The strong model, which writes replies and extracts when the cheap one is unsure. */
  String STRONG = "gpt-4o";
  String SYSTEM = "You work in customer support for Northwind Home, an online shop for furniture and lighting.";
  String REPLY_SYSTEM = SYSTEM
      + " Write short, warm replies that say what happens next. Never promise a refund the facts do not support.";
  String CLASSIFY = "Which team should handle this ticket?\nSubject: {subject}\nMessage: {body}";
  String EXTRACT = "Extract the facts of this ticket.\nSubject: {subject}\nMessage: {body}";
  String DRAFT_REPLY = "Draft a reply to {customerName} about this {category} ticket.\n"
      + "Facts: {facts}\nSubject: {subject}\nMessage: {body}";

  @LlmCall(model = CHEAP, maxTokens = 5, temperature = 0, system = SYSTEM, prompt = CLASSIFY)
  @Cached(ttl = "1h")
  Category classify(String subject, String body, @UserId String customerId);

  @LlmCall(maxTokens = 200, temperature = 0, system = SYSTEM, prompt = EXTRACT)
  @Cascade(models = {CHEAP, STRONG}, threshold = 0.8, scorer = ConfidenceScorer.class)
  @Cached(ttl = "1h")
  @RateLimited(requestsPerMinute = 500, tokensPerMinute = 200_000)
  LlmResult<TicketFacts> extract(String subject, String body, @UserId String customerId);

  @LlmCall(model = STRONG, maxTokens = 250, temperature = 0.4, system = REPLY_SYSTEM, prompt = DRAFT_REPLY)
  @Budget(perUserDailyUsd = 0.015, perAppDailyUsd = 2.00)
  @RateLimited(requestsPerMinute = 4, perUser = true, maxWait = "1s")
  @Fallback("claude-sonnet-4-5")
  CompletableFuture<LlmResult<String>> draftReply(
      String customerName, Category category, TicketFacts facts, String subject, String body,
      @UserId String customerId);
}
