package dev.llmgen.runtime;

import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.budget.BudgetStages;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.chain.CallHandler;
import dev.llmgen.runtime.chain.CallStage;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.chain.ProviderCall;
import dev.llmgen.runtime.chain.StageFactory;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.metrics.StatisticsStage;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.ratelimit.RateLimitStages;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What generated code calls. {@link #bind} turns a method's call specification into an
 * {@link LlmMethod} whose chain of stages is composed once, at construction of the service.
 */
@Singleton
public final class LlmRuntime {

  private static final System.Logger LOG = System.getLogger(LlmRuntime.class.getName());

  private final LlmProvider provider;
  private final ModelCatalog catalog;
  private final ModelMap modelMap;
  private final TokenCounter tokenCounter;
  private final Ticker ticker;
  private final StatisticsStage statisticsStage;
  private final List<StageFactory> policyStages;

  @Inject
  public LlmRuntime(
      LlmProvider provider, ModelCatalog catalog, ModelMap modelMap, TokenCounter tokenCounter, Ticker ticker,
      StatisticsStage statisticsStage, CacheStages cacheStages, BudgetStages budgetStages,
      RateLimitStages rateLimitStages) {
    this.provider = provider;
    this.catalog = catalog;
    this.modelMap = modelMap;
    this.tokenCounter = tokenCounter;
    this.ticker = ticker;
    this.statisticsStage = statisticsStage;
    // The order is the point: a cache hit spends no budget and takes no rate-limit permit, and a call
    // waits for a permit only once its worst case is reserved, so waiting cannot lead to overspending.
    this.policyStages = List.of(cacheStages, budgetStages, rateLimitStages);
  }

  /** The provider calls go to, e.g. for reports that must say when answers are simulated. */
  public LlmProvider provider() {
    return provider;
  }

  /** Binds a method with a {@code @Cascade}, whose answers {@code scorer} scores. */
  public <T> LlmMethod<T> bind(CallSpec<T> spec, dev.llmgen.runtime.cascade.AnswerScorer scorer) {
    throw new UnsupportedOperationException("cascades are being built");
  }

  public <T> LlmMethod<T> bind(CallSpec<T> spec) {
    String providerModel = modelMap.target(spec.model());
    Optional<ModelEntry> entry = catalog.find(providerModel);
    if (entry.isEmpty()) {
      LOG.log(Level.WARNING, "{0}: model {1} is not in the model catalog, so its calls are counted as free;"
          + " add it with LLMGEN_MODEL_CATALOG if it is paid for", spec.feature(), providerModel);
    }
    ModelBinding model = new ModelBinding(
        providerModel,
        entry.map(ModelEntry::prices).orElse(TokenPrices.FREE),
        tokenCounter.encoding(entry.map(ModelEntry::tokenizer).orElse(TokenCounter.DEFAULT_TOKENIZER)),
        tokenCounter);
    CallHandler<T> chain = new ProviderCall<>(spec, provider, model, ticker);
    List<CallStage> stages = stagesFor(spec, model);
    for (int i = stages.size() - 1; i >= 0; i--) {
      chain = link(stages.get(i), chain);
    }
    return new LlmMethod<>(spec, chain, ticker);
  }

  /** The stages in front of the provider, outermost first: statistics, then the method's policies. */
  private List<CallStage> stagesFor(CallSpec<?> spec, ModelBinding model) {
    List<CallStage> stages = new ArrayList<>();
    stages.add(statisticsStage);
    for (StageFactory factory : policyStages) {
      factory.stageFor(spec, model).ifPresent(stages::add);
    }
    return stages;
  }

  private static <T> CallHandler<T> link(CallStage stage, CallHandler<T> next) {
    return call -> stage.handle(call, next);
  }
}
