package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.chain.Call;
import dev.llmgen.runtime.resilience.CircuitOpenException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls, tokens, cost and latency, in total and per feature (service method), model and user. Every
 * call through the runtime is recorded here, answered or failed.
 */
@Singleton
public final class CallStatistics {

  /** The user of calls made without a {@code @UserId}. */
  public static final String NO_USER = "(none)";

  private final CallAggregate overall = new CallAggregate();
  private final ConcurrentMap<String, CallAggregate> byFeature = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CallAggregate> byModel = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CallAggregate> byUser = new ConcurrentHashMap<>();

  void recordAnswer(Call<?> call, LlmResult<?> result) {
    record(call, result.model(), false, result.fromCache(), result.inputTokens(), result.outputTokens(),
        result.cachedInputTokens(), result.costNanos(), result.latency().toNanos());
  }

  /**
   * @param methodModel the method's first model as the provider knows it, for failures that name no
   *     model: the model a provider failure or an open circuit names is the one that failed
   */
  void recordFailure(Call<?> call, Throwable failure, String methodModel, long latencyNanos) {
    if (failure instanceof LlmOutputException paidFor) {
      record(call, paidFor.model(), true, false, paidFor.inputTokens(), paidFor.outputTokens(), 0,
          paidFor.costNanos(), latencyNanos);
    } else {
      record(call, failedModel(failure).orElse(methodModel), true, false, 0, 0, 0, 0, latencyNanos);
    }
  }

  private static Optional<String> failedModel(Throwable failure) {
    if (failure instanceof LlmProviderException provider) {
      return Optional.ofNullable(provider.model());
    }
    return failure instanceof CircuitOpenException open ? Optional.of(open.model()) : Optional.empty();
  }

  private void record(
      Call<?> call, String model, boolean failed, boolean cacheHit, long input, long output, long cachedInput,
      long cost, long latencyNanos) {
    String user = call.userId() == null ? NO_USER : call.userId();
    for (CallAggregate aggregate : new CallAggregate[] {
        overall,
        byFeature.computeIfAbsent(call.spec().feature(), key -> new CallAggregate()),
        byModel.computeIfAbsent(model, key -> new CallAggregate()),
        byUser.computeIfAbsent(user, key -> new CallAggregate())}) {
      aggregate.add(failed, cacheHit, input, output, cachedInput, cost, latencyNanos);
    }
  }

  public CallSummary overall() {
    return overall.summary();
  }

  /** By feature, e.g. {@code SupportBot.answer}, sorted by name. */
  public Map<String, CallSummary> byFeature() {
    return summaries(byFeature);
  }

  /** By the model that answered, or that failed, as the provider knows it; sorted by name. */
  public Map<String, CallSummary> byModel() {
    return summaries(byModel);
  }

  /** By {@code @UserId}, sorted by name; calls without one are under {@link #NO_USER}. */
  public Map<String, CallSummary> byUser() {
    return summaries(byUser);
  }

  private static Map<String, CallSummary> summaries(Map<String, CallAggregate> aggregates) {
    Map<String, CallSummary> summaries = new TreeMap<>();
    aggregates.forEach((key, aggregate) -> summaries.put(key, aggregate.summary()));
    return summaries;
  }
}
