package dev.llmgen.sample.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports to render in tests, with figures simple enough to check by hand. */
final class SampleReports {

  static final Instant GENERATED_AT = Instant.parse("2025-06-01T10:15:30.250Z");

  private SampleReports() {
  }

  /** A triage run of 240 tickets: three features, three models, a cache, a cascade and a baseline. */
  static RunReport triage() {
    Map<String, Long> answeredBy = new LinkedHashMap<>();
    answeredBy.put("gpt-4o-mini", 180L);
    answeredBy.put("gpt-4o", 30L);
    return new RunReport("llmgen sample: support triage", "Provider: simulated, 240 tickets, concurrency 8",
        GENERATED_AT,
        List.of(
            new CostRow("SupportDesk.classify", 240, 38_400, 480, 4_320_000),
            new CostRow("SupportDesk.extract", 240, 72_000, 14_400, 21_300_000),
            new CostRow("SupportDesk.draftReply", 240, 96_000, 36_000, 36_180_000)),
        List.of(
            new CostRow("gpt-4o-mini", 640, 170_000, 40_000, 30_100_000),
            new CostRow("gpt-4o", 60, 28_000, 7_500, 25_450_000),
            new CostRow("claude-sonnet-4-5", 20, 8_400, 3_380, 6_250_000)),
        List.of(
            new LatencyRow("SupportDesk.classify", "gpt-4o-mini", 240, millis(180), millis(420), millis(610)),
            new LatencyRow("SupportDesk.extract", "gpt-4o-mini", 240, millis(650), millis(1_400), millis(2_100)),
            new LatencyRow("SupportDesk.extract", "gpt-4o", 60, millis(1_200), millis(2_900), millis(3_800)),
            new LatencyRow("SupportDesk.draftReply", "gpt-4o-mini", 220, millis(2_400), millis(5_200),
                millis(7_900)),
            new LatencyRow("SupportDesk.draftReply", "claude-sonnet-4-5", 20, millis(3_100), millis(6_800),
                millis(12_400))),
        List.of(
            new CacheRow("SupportDesk.classify", 48, 192, 1_080_000),
            new CacheRow("SupportDesk.extract", 30, 210, 4_260_000)),
        List.of(new CascadeReport("SupportDesk.extract", answeredBy, 4, 15_900_000, 52_500_000, "gpt-4o")),
        new BaselineComparison("gpt-4o", 720, 61_800_000, millis(38_200), 412_000_000, Duration.ofSeconds(1_104)));
  }

  /** A run with nothing in it, and no baseline. */
  static RunReport empty() {
    return new RunReport("Empty run", "Provider: simulated, 0 tickets", GENERATED_AT, List.of(), List.of(),
        List.of(), List.of(), List.of(), new BaselineUnavailable("the run made no call."));
  }

  /** A run whose every figure is 0. */
  static RunReport zeros() {
    return new RunReport("Zero run", "", GENERATED_AT,
        List.of(new CostRow("SupportDesk.classify", 0, 0, 0, 0)),
        List.of(new CostRow("gpt-4o-mini", 0, 0, 0, 0)),
        List.of(new LatencyRow("SupportDesk.classify", "gpt-4o-mini", 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO)),
        List.of(new CacheRow("SupportDesk.classify", 0, 0, 0)),
        List.of(new CascadeReport("SupportDesk.extract", Map.of("gpt-4o-mini", 0L), 0, 0, 0, "gpt-4o")),
        new BaselineComparison("gpt-4o", 0, 0, Duration.ZERO, 0, Duration.ZERO));
  }

  /** A run of nothing but a feature for each cost, in nanodollars. */
  static RunReport withCosts(long... costNanos) {
    List<CostRow> rows = new ArrayList<>();
    for (int i = 0; i < costNanos.length; i++) {
      rows.add(new CostRow("feature " + i, 1, 1, 1, costNanos[i]));
    }
    return new RunReport("Costs", "", GENERATED_AT, rows, List.of(), List.of(), List.of(), List.of(),
        new BaselineUnavailable("not measured."));
  }

  /** A run whose feature and model are both named {@code name}, in every section. */
  static RunReport named(String name) {
    return new RunReport(name, name, GENERATED_AT,
        List.of(new CostRow(name, 1, 10, 10, 1_000)),
        List.of(new CostRow(name, 1, 10, 10, 1_000)),
        List.of(new LatencyRow(name, name, 1, millis(10), millis(20), millis(30))),
        List.of(new CacheRow(name, 1, 1, 1_000)),
        List.of(new CascadeReport(name, Map.of(name, 1L), 0, 1_000, 2_000, name)),
        new BaselineComparison(name, 1, 1_000, millis(10), 2_000, millis(20)));
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }
}
