package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.TimedStage;
import dev.llmgen.runtime.format.OutputFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The end of a model's chain: asks the provider, counts tokens where it reported none, prices the
 * answer and decodes it. Everything that depends only on the specification (the model to ask for, its
 * provider, prices and tokenizer, the timeout) is resolved when the handler is made, not per call.
 */
public final class ProviderCall<T> implements CallHandler<T> {

  private static final int EXCERPT_LENGTH = 200;

  private final CallSpec<T> spec;
  private final ModelBinding model;
  private final boolean logprobs;
  private final String description;

  /** @param logprobs whether to ask for token log-probabilities (a cascade scorer reads them) */
  public ProviderCall(CallSpec<T> spec, ModelBinding model, boolean logprobs) {
    this.spec = spec;
    this.model = model;
    this.logprobs = logprobs;
    this.description = spec.feature() + " on " + model.provider().name() + " model " + model.providerModel();
  }

  @Override
  public CompletableFuture<LlmResult<T>> handle(Call<T> call) {
    if (call.cancelled()) {
      return CompletableFuture.failedFuture(
          new CancellationException(spec.feature() + ": the stream was cancelled before the request was sent"));
    }
    ChatRequest request = new ChatRequest(
        model.providerModel(), spec.system(), call.prompt(), spec.maxTokens(), spec.temperature(),
        spec.outputFormat().responseFormat(), logprobs, spec.timeout());
    CompletableFuture<Completion> completion;
    long sentNanos = call.nanoTime();
    try {
      call.requestSent();
      completion = call.listener().isPresent()
          ? model.provider().stream(request, call.providerListener())
          : model.provider().complete(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return completion.whenComplete((answer, failure) -> call.stageEnded(TimedStage.PROVIDER, sentNanos))
        .thenApply(answer -> {
          call.answered(answer);
          return toResult(call, answer);
        });
  }

  /** Prices and decodes the answer; the decoding stage ends where the answer's latency does. */
  private LlmResult<T> toResult(Call<T> call, Completion completion) {
    long decodingStarted = call.nanoTime();
    TokenUsage usage;
    long costNanos;
    T value;
    try {
      usage = completion.usage()
          .map(reported -> completion.cancelled() ? withOutputProduced(reported, completion) : reported)
          .orElseGet(() -> countUsage(call, completion));
      costNanos = model.prices().costNanos(
          usage.uncachedInputTokens(), usage.cachedInputTokens(), usage.cacheWriteTokens(), usage.outputTokens());
      value = decode(completion, usage, costNanos);
    } catch (RuntimeException e) {
      call.stageEnded(TimedStage.DECODING, decodingStarted);
      throw e;
    }
    Duration latency = Duration.ofNanos(call.stageEnded(TimedStage.DECODING, decodingStarted) - call.startNanos());
    return LlmResult.answered(
        value, model.providerModel(), model.provider().name(), call.requests(), usage.inputTokens(),
        usage.outputTokens(), usage.cachedInputTokens(), costNanos, latency);
  }

  /** Servers that report no usage, and streams cancelled before their usage arrived, are counted here. */
  private TokenUsage countUsage(Call<T> call, Completion completion) {
    return new TokenUsage(call.inputTokens(model), 0, outputProduced(completion), false);
  }

  /**
   * A cancelled stream's usage: the input as the provider reported it (its cache reads and writes
   * included), and at least the output tokens of the text that arrived, since the provider's running
   * count lags behind the text.
   */
  private TokenUsage withOutputProduced(TokenUsage reported, Completion completion) {
    return new TokenUsage(reported.inputTokens(), reported.cachedInputTokens(), reported.cacheWriteTokens(),
        Math.max(reported.outputTokens(), outputProduced(completion)), false);
  }

  private int outputProduced(Completion completion) {
    return completion.text() == null ? 0 : model.tokenCounter().count(model.encoding(), completion.text());
  }

  private T decode(Completion completion, TokenUsage usage, long costNanos) {
    OutputFormat<T> format = spec.outputFormat();
    String text = completion.text() == null && completion.cancelled() ? "" : completion.text();
    try {
      return format.decode(text);
    } catch (IllegalArgumentException e) {
      String raw = text == null ? "" : text;
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
