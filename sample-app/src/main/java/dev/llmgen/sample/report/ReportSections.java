package dev.llmgen.sample.report;

import static dev.llmgen.sample.report.ReportFormat.count;
import static dev.llmgen.sample.report.ReportFormat.duration;
import static dev.llmgen.sample.report.ReportFormat.percent;
import static dev.llmgen.sample.report.ReportFormat.saving;
import static dev.llmgen.sample.report.ReportFormat.usd;

import dev.llmgen.sample.report.Table.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a report says, section by section, in the words and figures both the page and the console show. */
final class ReportSections {

  private static final String THIS_RUN = "this run";
  private static final String NAIVE_BASELINE = "naive baseline";

  private ReportSections() {
  }

  /** The figures at the top of the report. */
  static List<KeyFigure> keyFigures(RunReport report) {
    List<KeyFigure> figures = new ArrayList<>();
    CostRow total = totalCost(report.costByFeature());
    figures.add(new KeyFigure("Total cost", usd(total.costNanos())));
    figures.add(new KeyFigure("Calls", count(total.calls())));
    if (!report.caches().isEmpty()) {
      figures.add(new KeyFigure("Cache hit rate", percent(totalCache(report.caches()).hitRate())));
    }
    if (report.baseline() instanceof BaselineComparison comparison) {
      figures.add(new KeyFigure("Cost against the naive baseline", saving(comparison.savedCostFraction())));
    }
    return figures;
  }

  static List<Section> of(RunReport report) {
    List<Section> sections = new ArrayList<>();
    sections.add(cost("cost-by-feature", "Cost per feature", "feature", report.costByFeature()));
    sections.add(cost("cost-by-model", "Cost per model", "model", report.costByModel()));
    sections.add(latency(report.latencies()));
    sections.add(cache(report.caches()));
    sections.addAll(cascades(report.cascades()));
    sections.add(baseline(report.baseline()));
    return sections;
  }

  private static Section cost(String id, String title, String nameHeader, List<CostRow> rows) {
    if (rows.isEmpty()) {
      return Section.empty(id, title, "No calls in this run.");
    }
    long totalNanos = totalCost(rows).costNanos();
    Table table = new Table(
        List.of(Column.text(nameHeader), Column.number("calls"), Column.number("input tokens"),
            Column.number("output tokens"), Column.number("cost"), Column.number("share")),
        rows.stream().map(row -> costCells(row, totalNanos)).toList(),
        List.of(costCells(totalCost(rows), totalNanos)));
    BarChart chart = BarChart.single(title, "cost", rows.stream()
        .map(row -> new BarChart.Row(row.name(), List.of(costBar(row.costNanos()))))
        .toList());
    return new Section(id, title, List.of(), List.of(chart), List.of(table));
  }

  private static List<String> costCells(CostRow row, long totalNanos) {
    return List.of(row.name(), count(row.calls()), count(row.inputTokens()), count(row.outputTokens()),
        usd(row.costNanos()), percent(Fractions.of(row.costNanos(), totalNanos)));
  }

  private static CostRow totalCost(List<CostRow> rows) {
    return new CostRow("total", rows.stream().mapToLong(CostRow::calls).sum(),
        rows.stream().mapToLong(CostRow::inputTokens).sum(), rows.stream().mapToLong(CostRow::outputTokens).sum(),
        rows.stream().mapToLong(CostRow::costNanos).sum());
  }

  private static Section latency(List<LatencyRow> rows) {
    String id = "latency";
    String title = "Latency percentiles";
    if (rows.isEmpty()) {
      return Section.empty(id, title, "No latencies in this run.");
    }
    Table table = new Table(
        List.of(Column.text("feature"), Column.text("model"), Column.number("calls"), Column.number("p50"),
            Column.number("p95"), Column.number("p99")),
        rows.stream().map(row -> List.of(row.feature(), row.model(), count(row.calls()), duration(row.p50()),
            duration(row.p95()), duration(row.p99()))).toList(),
        List.of());
    BarChart chart = new BarChart(title, List.of("p50", "p95", "p99"), rows.stream()
        .map(row -> new BarChart.Row(row.feature() + " on " + row.model(),
            List.of(durationBar(row.p50()), durationBar(row.p95()), durationBar(row.p99()))))
        .toList());
    return new Section(id, title, List.of("Answered calls, from the method's invocation to its decoded answer;"
        + " answers from the cache and failed calls are left out."), List.of(chart), List.of(table));
  }

  private static BarChart.Bar costBar(long nanos) {
    return new BarChart.Bar(nanos, usd(nanos));
  }

  private static BarChart.Bar durationBar(Duration duration) {
    return new BarChart.Bar(duration.toNanos(), duration(duration));
  }

  private static Section cache(List<CacheRow> rows) {
    String id = "cache";
    String title = "Response cache";
    if (rows.isEmpty()) {
      return Section.empty(id, title, "No response cache in this run.");
    }
    Table table = new Table(
        List.of(Column.text("feature"), Column.number("hits"), Column.number("misses"), Column.number("hit rate"),
            Column.number("saved")),
        rows.stream().map(ReportSections::cacheCells).toList(),
        List.of(cacheCells(totalCache(rows))));
    ShareChart chart = new ShareChart("Lookups answered from the cache", List.of("hits"), rows.stream()
        .map(row -> new ShareChart.Row(row.feature(), List.of(row.hits()), row.lookups(),
            count(row.hits()) + " of " + count(row.lookups()) + " lookups"))
        .toList());
    return new Section(id, title, List.of(), List.of(chart), List.of(table));
  }

  private static List<String> cacheCells(CacheRow row) {
    return List.of(row.feature(), count(row.hits()), count(row.misses()), percent(row.hitRate()),
        usd(row.savedNanos()));
  }

  private static CacheRow totalCache(List<CacheRow> rows) {
    return new CacheRow("total", rows.stream().mapToLong(CacheRow::hits).sum(),
        rows.stream().mapToLong(CacheRow::misses).sum(), rows.stream().mapToLong(CacheRow::savedNanos).sum());
  }

  private static List<Section> cascades(List<CascadeReport> cascades) {
    if (cascades.isEmpty()) {
      return List.of(Section.empty("cascade", "Cascade split", "No cascade in this run."));
    }
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < cascades.size(); i++) {
      sections.add(cascade("cascade-" + (i + 1), cascades.get(i)));
    }
    return sections;
  }

  private static Section cascade(String id, CascadeReport cascade) {
    List<String> notes = new ArrayList<>();
    notes.add("Models in cascade order: " + String.join(", then ", cascade.answeredBy().keySet())
        + ". A call goes on to the next model only when the answer is not good enough.");
    if (cascade.answeredBelowThreshold() > 0) {
      notes.add(count(cascade.answeredBelowThreshold())
          + " calls kept the best answer although none reached the threshold.");
    }
    String strongestOnly = cascade.strongestModel() + " only";
    Table split = new Table(
        List.of(Column.text("answered by"), Column.number("calls"), Column.number("share")),
        cascade.answeredBy().entrySet().stream()
            .map(answered -> splitCells(answered.getKey(), answered.getValue(), cascade.calls()))
            .toList(),
        List.of(splitCells("total", cascade.calls(), cascade.calls())));
    Table cost = new Table(
        List.of(Column.number("cascade"), Column.number(strongestOnly), Column.number("saved"),
            Column.number("saved share")),
        List.of(List.of(usd(cascade.costNanos()), usd(cascade.strongestOnlyNanos()), usd(cascade.savedNanos()),
            percent(cascade.savedFraction()))),
        List.of());
    ShareChart splitChart = new ShareChart("Calls answered by each model", List.copyOf(cascade.answeredBy().keySet()),
        List.of(new ShareChart.Row(cascade.feature(), List.copyOf(cascade.answeredBy().values()), cascade.calls(),
            count(cascade.calls()) + " calls")));
    BarChart costChart = comparisonChart("Cost: " + saving(cascade.savedFraction()) + " against " + strongestOnly,
        "cost", "cascade", costBar(cascade.costNanos()), strongestOnly, costBar(cascade.strongestOnlyNanos()));
    return new Section(id, "Cascade split: " + cascade.feature(), notes, List.of(splitChart, costChart),
        List.of(split, cost));
  }

  private static List<String> splitCells(String model, long calls, long allCalls) {
    return List.of(model, count(calls), percent(Fractions.of(calls, allCalls)));
  }

  private static Section baseline(Baseline baseline) {
    String id = "baseline";
    String title = "Savings against the naive baseline";
    if (baseline instanceof BaselineUnavailable unavailable) {
      return Section.empty(id, title, "No comparison with the naive baseline: " + unavailable.reason());
    }
    BaselineComparison comparison = (BaselineComparison) baseline;
    String note = "The naive baseline does the same work (every ticket classified and extracted, the same replies"
        + " drafted) in " + count(comparison.calls()) + " calls with no cache, each on " + comparison.strongestModel()
        + ", one after another.";
    Table table = new Table(
        List.of(Column.text(""), Column.number(THIS_RUN), Column.number(NAIVE_BASELINE), Column.number("saved"),
            Column.number("saved share")),
        List.of(
            List.of("cost", usd(comparison.actualCostNanos()), usd(comparison.baselineCostNanos()),
                usd(comparison.savedCostNanos()), percent(comparison.savedCostFraction())),
            List.of("time", duration(comparison.actualWallTime()), duration(comparison.baselineSequentialTime()),
                duration(comparison.savedTime()), percent(comparison.savedTimeFraction()))),
        List.of());
    List<Chart> charts = List.of(
        comparisonChart("Cost: " + saving(comparison.savedCostFraction()), "cost",
            THIS_RUN, costBar(comparison.actualCostNanos()), NAIVE_BASELINE, costBar(comparison.baselineCostNanos())),
        comparisonChart("Time: " + saving(comparison.savedTimeFraction()), "time",
            THIS_RUN, durationBar(comparison.actualWallTime()),
            NAIVE_BASELINE, durationBar(comparison.baselineSequentialTime())));
    return new Section(id, title, List.of(note), charts, List.of(table));
  }

  /** One row of two bars, each its own series, such as this run's cost against the baseline's. */
  private static BarChart comparisonChart(String title, String label, String firstSeries, BarChart.Bar first,
      String secondSeries, BarChart.Bar second) {
    return new BarChart(title, List.of(firstSeries, secondSeries),
        List.of(new BarChart.Row(label, List.of(first, second))));
  }
}
