package dev.llmgen.runtime;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.cascade.AnswerScorer;
import dev.llmgen.runtime.cascade.CascadeHandler;
import dev.llmgen.runtime.cascade.CascadePolicy;
import dev.llmgen.runtime.cascade.DecodesScorer;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.ModelChain;
import dev.llmgen.runtime.chain.ProviderCall;
import dev.llmgen.runtime.chain.StageFactory;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.metrics.CallMetrics;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ProviderRouter;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import dev.llmgen.runtime.resilience.CircuitBreakers;
import dev.llmgen.runtime.resilience.FallbackHandler;
import dev.llmgen.runtime.resilience.RetryStages;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What generated code calls. {@link #bind} turns a method's call specification into an
 * {@link LlmMethod} whose chain of stages is composed once, at construction of the service:
 * <pre>
 *   metrics → cache → one model, its fallbacks in turn, or the steps of its cascade
 *   each model:  circuit breaker → retry → budget → rate limit → provider
 * </pre>
 * Each model a call asks has a chain of its own, so every turn is budgeted and rate-limited on its own
 * and priced at its own model's prices; a cache hit asks no model at all. The circuit breaker is
 * outermost: it counts calls that failed once their retries were spent, not each failed request, so a
 * few fast failures among many slow answers do not open it, and an open circuit fails before anything
 * is retried, reserved or waited for. Each retry reserves its own budget and takes its own permit, and
 * nothing is held during a backoff.
 */
@Singleton
public final class LlmRuntime {

  private static final System.Logger LOG = System.getLogger(LlmRuntime.class.getName());

  private final ProviderRouter providers;
  private final ModelCatalog catalog;
  private final ModelMap modelMap;
  private final TokenCounter tokenCounter;
  private final Ticker ticker;
  private final CallMetrics metrics;
  private final CacheStages cacheStages;
  private final List<StageFactory> modelStages;

  @Inject
  public LlmRuntime(
      ProviderRouter providers, ModelCatalog catalog, ModelMap modelMap, TokenCounter tokenCounter, Ticker ticker,
      CallMetrics metrics, CacheStages cacheStages, RetryStages retryStages,
      CircuitBreakers circuitBreakers, BudgetStages budgetStages, RateLimitStages rateLimitStages) {
    this.providers = providers;
    this.catalog = catalog;
    this.modelMap = modelMap;
    this.tokenCounter = tokenCounter;
    this.ticker = ticker;
    this.metrics = metrics;
    this.cacheStages = cacheStages;
    // The order is the point: a call waits for a rate-limit permit only once its worst case is reserved,
    // so waiting cannot lead to overspending.
    this.modelStages = List.of(circuitBreakers, retryStages, budgetStages, rateLimitStages);
  }

  /** Binds a method; a method with a {@code @Cascade} gets the default scorer, {@link DecodesScorer}. */
  public <T> LlmMethod<T> bind(CallSpec<T> spec) {
    return spec.cascade().isPresent() ? bind(spec, new DecodesScorer()) : bind(spec, Optional.empty());
  }

  /** Binds a method with a {@code @Cascade}, whose answers {@code scorer} scores. */
  public <T> LlmMethod<T> bind(CallSpec<T> spec, AnswerScorer scorer) {
    if (spec.cascade().isEmpty()) {
      throw new IllegalArgumentException(spec.feature() + " has no @Cascade, so it has no answers to score");
    }
    return bind(spec, Optional.of(scorer));
  }

  private <T> LlmMethod<T> bind(CallSpec<T> spec, Optional<AnswerScorer> scorer) {
    boolean logprobs = scorer.map(AnswerScorer::needsLogprobs).orElse(false);
    List<ModelChain<T>> models = new ArrayList<>();
    for (String model : spec.cascade().map(CascadePolicy::models).orElseGet(() -> List.of(spec.model()))) {
      models.add(modelChain(spec, binding(spec, model), logprobs));
    }
    for (String fallback : spec.fallbackModels()) {
      fallbackChain(spec, fallback).ifPresent(models::add);
    }
    CallHandler<T> chain = spec.cascade().isPresent()
        ? new CascadeHandler<>(models, scorer.orElseThrow(), spec.cascade().get())
        : models.size() == 1 ? models.get(0).chain() : new FallbackHandler<>(models);
    // A cascade's answers are cached under its first model, which stands for the whole cascade.
    Optional<CallStage> cache = cacheStages.stageFor(spec, models.get(0).model());
    if (cache.isPresent()) {
      chain = link(cache.get(), chain);
    }
    CallStage measured = metrics.stageFor(spec, models.stream().map(ModelChain::model).toList());
    return new LlmMethod<>(spec, link(measured, chain), ticker);
  }

  /**
   * A fallback is redundancy, not the method's purpose: one whose provider is not configured (a Claude
   * fallback where only OpenAI has a key) is left out with a warning instead of stopping the application.
   */
  private <T> Optional<ModelChain<T>> fallbackChain(CallSpec<T> spec, String model) {
    try {
      return Optional.of(modelChain(spec, binding(spec, model), false));
    } catch (LlmConfigurationException e) {
      LOG.log(Level.WARNING, "{0}: the fallback model {1} is left out: {2}", spec.feature(), model,
          String.join("; ", e.problems()));
      return Optional.empty();
    }
  }

  /** One model's stages, outermost first, in front of its provider call. */
  private <T> ModelChain<T> modelChain(CallSpec<T> spec, ModelBinding model, boolean logprobs) {
    CallHandler<T> chain = new ProviderCall<>(spec, model, logprobs);
    for (int i = modelStages.size() - 1; i >= 0; i--) {
      Optional<CallStage> stage = modelStages.get(i).stageFor(spec, model);
      if (stage.isPresent()) {
        chain = link(stage.get(), chain);
      }
    }
    return new ModelChain<>(model, chain);
  }

  private ModelBinding binding(CallSpec<?> spec, String model) {
    String providerModel = modelMap.target(model);
    Optional<ModelEntry> entry = catalog.find(providerModel);
    if (entry.isEmpty()) {
      LOG.log(Level.WARNING, "{0}: model {1} is not in the model catalog, so its calls are counted as free;"
          + " add it with LLMGEN_MODEL_CATALOG if it is paid for", spec.feature(), providerModel);
    }
    return new ModelBinding(
        providerModel,
        providers.providerFor(providerModel, entry),
        entry.map(ModelEntry::prices).orElse(TokenPrices.FREE),
        tokenCounter.encoding(entry.map(ModelEntry::tokenizer).orElse(TokenCounter.DEFAULT_TOKENIZER)),
        tokenCounter);
  }

  private static <T> CallHandler<T> link(CallStage stage, CallHandler<T> next) {
    return call -> stage.handle(call, next);
  }
}
