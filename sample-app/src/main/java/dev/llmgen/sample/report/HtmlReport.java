package dev.llmgen.sample.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link RunReport} as one HTML5 page that needs nothing else to open: the style sheet is inline and
 * the charts are inline SVG, with their figures as text and in a table under them. The markup is also
 * well-formed XML after the doctype.
 */
public final class HtmlReport {

  /** Holds no {@code <} and no {@code &}, so that it stays well-formed XML as it is. */
  private static final String STYLE_SHEET = """
      body{margin:0;background:#f3f5f8;color:#1f2933;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,\
      Helvetica,Arial,sans-serif}
      header{background:#1f2933;color:#fff;padding:24px 32px}
      header h1{margin:0 0 4px;font-size:22px}
      header p{margin:0;color:#cbd2d9}
      main{max-width:1000px;margin:0 auto;padding:8px 24px 48px}
      .key-figures{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 0;padding:0}
      .key-figures div{flex:1 1 180px;background:#fff;border-radius:8px;padding:12px 16px;\
      box-shadow:0 1px 3px rgba(0,0,0,.08)}
      .key-figures dt{color:#52606d;font-size:12px}
      .key-figures dd{margin:2px 0 0;font-size:22px;font-weight:600}
      section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 24px;\
      margin:16px 0}
      h2{font-size:17px;margin:0 0 8px}
      .note{color:#52606d;margin:4px 0}
      figure{margin:12px 0}
      figcaption{font-size:13px;font-weight:600;color:#3e4c59}
      svg.chart{display:block;max-width:100%;height:auto}
      svg text{font-size:12px;fill:#1f2933;dominant-baseline:central}
      svg text.label{text-anchor:end}
      svg text.inside{fill:#fff;text-anchor:middle;font-weight:600}
      .track{fill:#e4e7eb}
      .legend{display:flex;flex-wrap:wrap;gap:16px;list-style:none;margin:4px 0;padding:0;font-size:12px}
      .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
      .tables{display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px 32px}
      table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
      th,td{padding:4px 10px;border-bottom:1px solid #e4e7eb;text-align:left;white-space:nowrap}
      th{font-size:12px;color:#52606d;font-weight:600}
      .num{text-align:right}
      tfoot td{font-weight:600;border-top:2px solid #cbd2d9;border-bottom:none}
      """;

  private HtmlReport() {
  }

  /** The page, starting with {@code <!DOCTYPE html>}. */
  public static String render(RunReport report) {
    Markup page = new Markup().raw("<!DOCTYPE html>\n");
    page.open("html", "lang", "en");
    page.open("head")
        .empty("meta", "charset", "utf-8")
        .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
        .element("title", report.title())
        .open("style").raw(STYLE_SHEET + Palette.styleSheet()).close()
        .close();
    page.open("body");
    page.open("header")
        .element("h1", report.title())
        .element("p", report.subtitle(), "class", "subtitle")
        .element("p", "Generated " + ReportFormat.instant(report.generatedAt()), "class", "generated")
        .close();
    page.open("main");
    keyFigures(page, ReportSections.keyFigures(report));
    ReportSections.of(report).forEach(section -> section(page, section));
    page.close().close().close();
    return page.raw("\n").toString();
  }

  /** Writes the page to {@code file} in UTF-8, creating its folder if need be. */
  public static void write(RunReport report, Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
  }

  private static void keyFigures(Markup page, List<KeyFigure> figures) {
    page.open("dl", "class", "key-figures");
    for (KeyFigure figure : figures) {
      page.open("div").element("dt", figure.label()).element("dd", figure.value()).close();
    }
    page.close();
  }

  private static void section(Markup page, Section section) {
    page.open("section", "id", section.id()).element("h2", section.title());
    section.notes().forEach(note -> page.element("p", note, "class", "note"));
    // A lone chart's title would repeat the section's.
    boolean captioned = section.charts().size() > 1;
    section.charts().forEach(chart -> figure(page, chart, captioned));
    if (!section.tables().isEmpty()) {
      page.open("div", "class", "tables");
      section.tables().forEach(table -> table(page, table));
      page.close();
    }
    page.close();
  }

  private static void figure(Markup page, Chart chart, boolean captioned) {
    page.open("figure");
    if (captioned) {
      page.element("figcaption", chart.title());
    }
    if (chart.series().size() > 1) {
      page.open("ul", "class", "legend");
      for (int i = 0; i < chart.series().size(); i++) {
        page.open("li").element("span", "", "class", "swatch " + Palette.seriesClass(i))
            .text(chart.series().get(i)).close();
      }
      page.close();
    }
    chart.draw(page);
    page.close();
  }

  private static void table(Markup page, Table table) {
    page.open("table").open("thead").open("tr");
    table.columns().forEach(column -> page.element("th", column.header(), "class", cellClass(column)));
    page.close().close();
    rows(page, "tbody", table.columns(), table.rows());
    if (!table.footer().isEmpty()) {
      rows(page, "tfoot", table.columns(), table.footer());
    }
    page.close();
  }

  private static void rows(Markup page, String group, List<Table.Column> columns, List<List<String>> rows) {
    page.open(group);
    for (List<String> row : rows) {
      page.open("tr");
      for (int i = 0; i < row.size(); i++) {
        page.element("td", row.get(i), "class", cellClass(columns.get(i)));
      }
      page.close();
    }
    page.close();
  }

  private static String cellClass(Table.Column column) {
    return column.numeric() ? "num" : "text";
  }
}
