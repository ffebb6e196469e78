package dev.llmgen.sample.report;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Formatted figures in rows and columns, the same on the page and on the console.
 *
 * @param footer rows set apart after the others, such as a total; often none
 */
record Table(List<Column> columns, List<List<String>> rows, List<List<String>> footer) {

  /** @param numeric whether the column holds figures, which line up on the right */
  record Column(String header, boolean numeric) {

    Column {
      Objects.requireNonNull(header, "header");
    }

    static Column text(String header) {
      return new Column(header, false);
    }

    static Column number(String header) {
      return new Column(header, true);
    }
  }

  Table {
    columns = List.copyOf(columns);
    rows = copyRows(rows, columns.size());
    footer = copyRows(footer, columns.size());
  }

  /** Every row, the footer's last. */
  List<List<String>> allRows() {
    return Stream.concat(rows.stream(), footer.stream()).toList();
  }

  private static List<List<String>> copyRows(List<List<String>> rows, int columns) {
    for (List<String> row : rows) {
      if (row.size() != columns) {
        throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns + " columns");
      }
    }
    return rows.stream().map(List::copyOf).toList();
  }
}
