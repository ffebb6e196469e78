package dev.llmgen.benchmarks;

import dev.llmgen.annotations.Cached;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.UserId;
import java.util.concurrent.CompletableFuture;

/** The service every benchmark calls through its generated implementation, {@code AssistantImpl}. */
public interface Assistant {

  @LlmCall(model = "gpt-4o-mini", maxTokens = 50, prompt = "Answer briefly: {question}")
  String answer(String question, @UserId String user);

  @LlmCall(model = "gpt-4o-mini", maxTokens = 50, temperature = 0, prompt = "Answer briefly: {question}")
  @Cached(ttl = "1h")
  String answerRemembered(String question, @UserId String user);

  @LlmCall(model = "gpt-4o-mini", maxTokens = 50, prompt = "Answer briefly: {question}")
  CompletableFuture<String> answerAsync(String question, @UserId String user);
}
