package dev.llmgen.sample.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one run, ready to be shown as a page ({@link HtmlReport}) or as console tables
 * ({@link ConsoleReport}). Rows are shown in the order given; an empty list is shown as a sentence saying
 * there was nothing of that kind in the run.
 *
 * @param title the report's heading
 * @param subtitle one line under the heading: provider, tickets, concurrency
 * @param costByFeature one row per feature ({@code SupportDesk.classify})
 * @param costByModel one row per model that answered
 * @param cascades one report per cascading feature; empty when the run used no cascade
 * @param baseline what the run saved against the naive baseline, or why that could not be worked out
 */
public record RunReport(
    String title,
    String subtitle,
    Instant generatedAt,
    List<CostRow> costByFeature,
    List<CostRow> costByModel,
    List<LatencyRow> latencies,
    List<CacheRow> caches,
    List<CascadeReport> cascades,
    Baseline baseline) {

  public RunReport {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(generatedAt, "generatedAt");
    costByFeature = List.copyOf(costByFeature);
    costByModel = List.copyOf(costByModel);
    latencies = List.copyOf(latencies);
    caches = List.copyOf(caches);
    cascades = List.copyOf(cascades);
    Objects.requireNonNull(baseline, "baseline");
  }
}
