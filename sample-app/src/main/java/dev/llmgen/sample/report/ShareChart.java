package dev.llmgen.sample.report;

import java.util.List;
import java.util.Objects;

/**
 * A full-length bar per row for a whole, its parts filled in one colour each and the rest left grey: the calls
 * each model of a cascade answered, the lookups the cache answered.
 */
record ShareChart(String title, List<String> series, List<Row> rows) implements Chart {

  /**
   * @param parts one per series, in the series' order
   * @param whole what the parts are parts of; never less than their sum
   * @param text a summary shown after the bar
   */
  record Row(String label, List<Long> parts, long whole, String text) {

    Row {
      Objects.requireNonNull(label, "label");
      parts = List.copyOf(parts);
      whole = Math.max(whole, parts.stream().mapToLong(Long::longValue).sum());
      Objects.requireNonNull(text, "text");
    }
  }

  ShareChart {
    Objects.requireNonNull(title, "title");
    series = List.copyOf(series);
    rows = List.copyOf(rows);
  }

  @Override
  public void draw(Markup markup) {
    ChartFrame frame = new ChartFrame(markup, rows.stream().map(Row::label).toList(),
        rows.stream().map(Row::text).toList());
    frame.open(title, rows.size(), rows.size());
    for (Row row : rows) {
      double top = frame.row(row.label(), 1);
      frame.track(top);
      double x = 0;
      for (int i = 0; i < row.parts().size(); i++) {
        long part = row.parts().get(i);
        String share = ReportFormat.percent(Fractions.of(part, row.whole()));
        double width = frame.barWidth(part, row.whole());
        frame.bar(x, top, width, i,
            row.label() + ", " + series.get(i) + ": " + ReportFormat.count(part) + " (" + share + ")");
        frame.textInside(x, width, top, share);
        x += width;
      }
      frame.textAfter(frame.plotWidth(), top, row.text());
    }
    frame.close();
  }
}
