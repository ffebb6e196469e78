package dev.llmgen.sample;

import com.google.inject.Injector;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.cache.CacheStages;
import dev.llmgen.runtime.config.ModelMap;
import dev.llmgen.runtime.metrics.CostLedger;
import dev.llmgen.runtime.metrics.CostQuery;
import dev.llmgen.runtime.metrics.CostTotals;
import dev.llmgen.sample.report.Baseline;
import dev.llmgen.sample.report.BaselineComparison;
import dev.llmgen.sample.report.CacheRow;
import dev.llmgen.sample.report.CascadeReport;
import dev.llmgen.sample.report.CostRow;
import dev.llmgen.sample.report.LatencyRow;
import dev.llmgen.sample.report.RunReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Gathers what the runtime measured of a triage run into the report. */
final class TriageReport {

  private static final String EXTRACT = "SupportDesk.extract";

  private TriageReport() {}

  /**
   * @param injector the run's injector, whose cost ledger, meters and caches hold the figures
   * @param baseline the same workload done the naive way, or why it was not
   */
  static RunReport of(String subtitle, Injector injector, List<TriageOutcome> outcomes, Baseline baseline) {
    CostLedger costs = injector.getInstance(CostLedger.class);
    return new RunReport("llmgen sample: customer-support triage", subtitle, Instant.now(),
        costRows(costs.byFeature(CostQuery.all())),
        costRows(costs.byModel(CostQuery.all())),
        latencies(injector.getInstance(MeterRegistry.class)),
        caches(injector.getInstance(CacheStages.class)),
        List.of(extractionCascade(outcomes, injector.getInstance(ModelMap.class).target(SupportDesk.STRONG),
            injector.getInstance(ModelCatalog.class))),
        baseline);
  }

  /** The run against the naive baseline's measurements. */
  static BaselineComparison comparison(Injector injector, Duration wallTime, NaiveBaseline.Measured naive) {
    CostTotals actual = injector.getInstance(CostLedger.class).total(CostQuery.all());
    return new BaselineComparison(SupportDesk.STRONG, naive.calls(), actual.costNanos(), wallTime, naive.costNanos(),
        naive.sequentialTime());
  }

  /** Dearest first. */
  private static List<CostRow> costRows(Map<String, CostTotals> totals) {
    return totals.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, CostTotals> entry) -> entry.getValue().costNanos())
            .reversed())
        .map(entry -> new CostRow(entry.getKey(), entry.getValue().calls(), entry.getValue().inputTokens(),
            entry.getValue().outputTokens(), entry.getValue().costNanos()))
        .toList();
  }

  /** The answered calls' percentiles, per method and model, from the {@code llmgen.calls} timers. */
  private static List<LatencyRow> latencies(MeterRegistry meters) {
    return meters.find("llmgen.calls").tag("outcome", "answered").timers().stream()
        .filter(timer -> timer.count() > 0)
        .sorted(Comparator.comparing((Timer timer) -> timer.getId().getTag("feature"))
            .thenComparing(timer -> timer.getId().getTag("model")))
        .map(TriageReport::latency)
        .toList();
  }

  private static LatencyRow latency(Timer timer) {
    HistogramSnapshot snapshot = timer.takeSnapshot();
    Map<Double, Duration> percentiles = new LinkedHashMap<>();
    for (ValueAtPercentile value : snapshot.percentileValues()) {
      percentiles.put(value.percentile(), Duration.ofNanos((long) value.value(TimeUnit.NANOSECONDS)));
    }
    return new LatencyRow(timer.getId().getTag("feature"), timer.getId().getTag("model"), snapshot.count(),
        percentiles.get(0.5), percentiles.get(0.95), percentiles.get(0.99));
  }

  private static List<CacheRow> caches(CacheStages caches) {
    return caches.statistics().entrySet().stream()
        .map(entry -> new CacheRow(entry.getKey(), entry.getValue().hits(), entry.getValue().misses(),
            entry.getValue().savedCostNanos()))
        .toList();
  }

  /**
   * Which model answered the extractions that were not served from the cache, in cascade order (models
   * the model map sent the calls to instead come after), against {@code strongest} (the cascade's last
   * model, after the model map) at its catalog price, or free when the catalog does not know it.
   */
  private static CascadeReport extractionCascade(
      List<TriageOutcome> outcomes, String strongest, ModelCatalog catalog) {
    List<LlmResult<?>> extractions = outcomes.stream()
        .flatMap(outcome -> outcome.extraction().stream())
        .<LlmResult<?>>map(extraction -> extraction)
        .toList();
    CascadeSplit split = CascadeSplit.of(
        extractions, catalog.find(strongest).map(ModelEntry::prices).orElse(TokenPrices.FREE));
    List<String> cascadeOrder = List.of(SupportDesk.CHEAP, SupportDesk.STRONG);
    Map<String, Long> answeredBy = new LinkedHashMap<>();
    split.answeredBy().entrySet().stream()
        .sorted(Comparator.comparingInt(entry -> cascadeOrder.contains(entry.getKey())
            ? cascadeOrder.indexOf(entry.getKey())
            : cascadeOrder.size()))
        .forEach(entry -> answeredBy.put(entry.getKey(), (long) entry.getValue()));
    return new CascadeReport(EXTRACT, answeredBy, split.belowThreshold(), split.costNanos(),
        split.strongestOnlyNanos(), strongest);
  }
}
