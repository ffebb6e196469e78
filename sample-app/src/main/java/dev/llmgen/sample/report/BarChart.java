package dev.llmgen.sample.report;

import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars on one scale, the longest bar for the largest value: a bar per row (cost per feature), or a
 * group of bars per row, one per series (p50, p95 and p99 per model).
 */
record BarChart(String title, List<String> series, List<Row> rows) implements Chart {

  /** @param bars one per series, in the series' order */
  record Row(String label, List<Bar> bars) {

    Row {
      Objects.requireNonNull(label, "label");
      bars = List.copyOf(bars);
    }
  }

  /** @param text the value as the report writes it, shown after the bar */
  record Bar(double value, String text) {

    Bar {
      Objects.requireNonNull(text, "text");
    }
  }

  BarChart {
    Objects.requireNonNull(title, "title");
    series = List.copyOf(series);
    rows = List.copyOf(rows);
  }

  /** A chart of one series, a bar per row. */
  static BarChart single(String title, String series, List<Row> rows) {
    return new BarChart(title, List.of(series), rows);
  }

  @Override
  public void draw(Markup markup) {
    List<Bar> bars = rows.stream().flatMap(row -> row.bars().stream()).toList();
    ChartFrame frame = new ChartFrame(markup, rows.stream().map(Row::label).toList(),
        bars.stream().map(Bar::text).toList());
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    frame.open(title, rows.size(), bars.size());
    for (Row row : rows) {
      double rowTop = frame.row(row.label(), row.bars().size());
      for (int i = 0; i < row.bars().size(); i++) {
        Bar bar = row.bars().get(i);
        double top = ChartFrame.barTop(rowTop, i);
        double width = frame.barWidth(bar.value(), max);
        frame.bar(0, top, width, i, row.label() + ", " + series.get(i) + ": " + bar.text());
        frame.textAfter(width, top, bar.text());
      }
    }
    frame.close();
  }
}
