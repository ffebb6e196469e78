package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.Ticker;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The end of the call chain: asks the provider, counts tokens where it reported none, prices the call
 * and decodes the answer. Everything that depends only on the specification (the model to ask for, its
 * prices and tokenizer) is resolved when the handler is made, not per call.
 */
public final class ProviderCall<T> implements CallHandler<T> {

  private static final int EXCERPT_LENGTH = 200;

  private final CallSpec<T> spec;
  private final LlmProvider provider;
  private final ModelBinding model;
  private final Ticker ticker;
  private final String description;

  public ProviderCall(CallSpec<T> spec, LlmProvider provider, ModelBinding model, Ticker ticker) {
    this.spec = spec;
    this.provider = provider;
    this.model = model;
    this.ticker = ticker;
    this.description = spec.feature() + " on " + provider.name() + " model " + model.providerModel();
  }

  @Override
  public CompletableFuture<LlmResult<T>> handle(Call<T> call) {
    ChatRequest request = new ChatRequest(
        model.providerModel(), spec.system(), call.prompt(), spec.maxTokens(), spec.temperature(),
        spec.outputFormat().responseFormat());
    CompletableFuture<Completion> completion;
    try {
      completion = provider.complete(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return completion.thenApply(answer -> toResult(call, answer));
  }

  private LlmResult<T> toResult(Call<T> call, Completion completion) {
    TokenUsage usage = completion.usage().orElseGet(() -> countUsage(call, completion));
    long costNanos =
        model.prices().costNanos(usage.uncachedInputTokens(), usage.cachedInputTokens(), 0, usage.outputTokens());
    T value = decode(completion, usage, costNanos);
    Duration latency = Duration.ofNanos(ticker.nanoTime() - call.startNanos());
    return new LlmResult<>(
        value, model.providerModel(), provider.name(), usage.inputTokens(), usage.outputTokens(),
        usage.cachedInputTokens(), costNanos, latency, false);
  }

  private TokenUsage countUsage(Call<T> call, Completion completion) {
    int output = completion.text() == null ? 0 : model.tokenCounter().count(model.encoding(), completion.text());
    return new TokenUsage(call.inputTokens(model), 0, output, false);
  }

  private T decode(Completion completion, TokenUsage usage, long costNanos) {
    OutputFormat<T> format = spec.outputFormat();
    try {
      return format.decode(completion.text());
    } catch (IllegalArgumentException e) {
      String raw = completion.text() == null ? "" : completion.text();
      String truncation = completion.truncated()
          ? "; the answer was cut off at maxTokens=" + spec.maxTokens() + ", raise it"
          : "";
      throw new LlmOutputException(
          "the answer of " + description + " is not " + format.expected() + " (" + e.getMessage() + ")"
              + truncation + ": " + excerpt(raw),
          format.expected(), raw, model.providerModel(), usage.inputTokens(), usage.outputTokens(), costNanos, e);
    }
  }

  private static String excerpt(String answer) {
    String oneLine = answer.strip().replaceAll("\\s+", " ");
    return '"' + (oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + "…") + '"';
  }
}
