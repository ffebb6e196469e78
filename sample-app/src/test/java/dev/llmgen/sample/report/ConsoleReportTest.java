package dev.llmgen.sample.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class ConsoleReportTest {

  @Test
  void printsEveryRowOfThePagesTablesWithTheSameFigures() {
    RunReport report = SampleReports.triage();
    Document page = XhtmlPages.parse(HtmlReport.render(report));
    List<String> lines = ConsoleReport.render(report);

    List<Element> rows = XhtmlPages.select(page, "//table//tr");
    assertEquals(2 * 5 + 6 + 4 + 4 + 2 + 3, rows.size(), "rows with their headers and totals");
    for (Element row : rows) {
      List<String> cells = cellsOf(row);
      Pattern sameCellsInOrder = Pattern.compile(cells.stream().filter(cell -> !cell.isEmpty())
          .map(Pattern::quote).collect(Collectors.joining(" +")));
      assertTrue(lines.stream().anyMatch(line -> sameCellsInOrder.matcher(line).find()),
          () -> "no line with " + cells + " in\n" + String.join("\n", lines));
    }
  }

  @Test
  void startsWithTheTitleAndTheKeyFiguresOfThePage() {
    List<String> lines = ConsoleReport.render(SampleReports.triage());

    assertEquals(List.of("llmgen sample: support triage", "Provider: simulated, 240 tickets, concurrency 8",
        "Generated 2025-06-01T10:15:30Z",
        "Total cost: $0.06180  |  Calls: 720  |  Cache hit rate: 16.3%  |  Cost against the naive baseline: saved 85.0%"),
        lines.subList(0, 4));
  }

  @Test
  void linesUpTextOnTheLeftAndFiguresOnTheRight() {
    List<String> lines = ConsoleReport.render(SampleReports.triage());
    int header = lines.indexOf("Cost per feature") + 3;

    assertEquals(List.of(
        "feature                 calls  input tokens  output tokens       cost   share",
        "----------------------  -----  ------------  -------------  ---------  ------",
        "SupportDesk.classify      240        38,400            480  $0.004320    7.0%",
        "SupportDesk.extract       240        72,000         14,400   $0.02130   34.5%",
        "SupportDesk.draftReply    240        96,000         36,000   $0.03618   58.5%",
        "----------------------  -----  ------------  -------------  ---------  ------",
        "total                     720       206,400         50,880   $0.06180  100.0%",
        ""), lines.subList(header, header + 8));
  }

  @Test
  void saysWhatARunWithNothingInItHadNone() {
    String printed = String.join("\n", ConsoleReport.render(SampleReports.empty()));

    assertTrue(printed.contains("Cost per feature\n================\nNo calls in this run.\n"), printed);
    for (String note : List.of("No latencies in this run.", "No response cache in this run.",
        "No cascade in this run.", "No comparison with the naive baseline: the run made no call.")) {
      assertTrue(printed.contains(note), note);
    }
    assertTrue(printed.lines().noneMatch(line -> line.startsWith("---")), "a table in an empty report");
  }

  @Test
  void printsItsLinesToTheStream() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ConsoleReport.print(SampleReports.triage(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(ConsoleReport.render(SampleReports.triage()),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** The texts of a row's {@code th} or {@code td} cells. */
  private static List<String> cellsOf(Element row) {
    List<String> texts = new ArrayList<>();
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
      texts.add(cell.getTextContent());
    }
    return texts;
  }
}
