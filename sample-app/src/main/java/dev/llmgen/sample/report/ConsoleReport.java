package dev.llmgen.sample.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a {@link RunReport} as plain-text tables, with the figures of the page written the same way. */
public final class ConsoleReport {

  private static final String COLUMN_GAP = "  ";

  private ConsoleReport() {
  }

  public static void print(RunReport report, PrintStream out) {
    render(report).forEach(out::println);
  }

  /** The report's lines. */
  public static List<String> render(RunReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(report.title());
    lines.add(report.subtitle());
    lines.add("Generated " + ReportFormat.instant(report.generatedAt()));
    lines.add(ReportSections.keyFigures(report).stream()
        .map(figure -> figure.label() + ": " + figure.value())
        .collect(Collectors.joining(COLUMN_GAP + "|" + COLUMN_GAP)));
    for (Section section : ReportSections.of(report)) {
      lines.add("");
      lines.add(section.title());
      lines.add("=".repeat(section.title().length()));
      lines.addAll(section.notes());
      section.tables().forEach(table -> lines.addAll(table(table)));
    }
    return lines;
  }

  private static List<String> table(Table table) {
    List<Table.Column> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).header().length();
    }
    for (List<String> row : table.allRows()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(line(columns, widths, columns.stream().map(Table.Column::header).toList()));
    lines.add(String.join(COLUMN_GAP, rule));
    table.rows().forEach(row -> lines.add(line(columns, widths, row)));
    if (!table.footer().isEmpty()) {
      lines.add(String.join(COLUMN_GAP, rule));
      table.footer().forEach(row -> lines.add(line(columns, widths, row)));
    }
    return lines;
  }

  private static String line(List<Table.Column> columns, int[] widths, List<String> cells) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      padded.add(columns.get(i).numeric() ? padding + cell : cell + padding);
    }
    return String.join(COLUMN_GAP, padded).stripTrailing();
  }
}
