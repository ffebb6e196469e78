package dev.llmgen.sample.report;

import static dev.llmgen.sample.report.XhtmlPages.barWidths;
import static dev.llmgen.sample.report.XhtmlPages.parse;
import static dev.llmgen.sample.report.XhtmlPages.select;
import static dev.llmgen.sample.report.XhtmlPages.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class HtmlReportTest {

  private static final String NASTY_NAME = "<b>Desk & \"co\"</b> 'x'";
  private static final double TOLERANCE = 0.1;

  static Stream<RunReport> reports() {
    return Stream.of(SampleReports.triage(), SampleReports.empty(), SampleReports.zeros(),
        SampleReports.named(NASTY_NAME), SampleReports.withCosts(4, 2, 1, 0));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void isWellFormedMarkupAfterTheDoctype(RunReport report) {
    Document page = parse(HtmlReport.render(report));

    assertEquals("html", page.getDocumentElement().getTagName());
    assertEquals(List.of(report.title()), texts(page, "/html/head/title"));
    assertEquals(List.of("utf-8"), select(page, "/html/head/meta[@charset]").stream()
        .map(meta -> meta.getAttribute("charset")).toList());
  }

  @ParameterizedTest
  @MethodSource("reports")
  void needsNothingFromOutsideTheFile(RunReport report) {
    String html = HtmlReport.render(report);
    Document page = parse(html);

    for (Element element : select(page, "//*")) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if (attribute.getName().matches("(?i)(.*:)?(src|href|srcset|action|data|poster)")) {
          assertTrue(attribute.getValue().startsWith("#"), attribute + " on " + element.getTagName());
        }
      }
    }
    assertEquals(List.of(), select(page, "//script | //link | //img | //iframe | //object | //embed"));
    for (String outside : List.of("http:", "https:", "@import", "<script")) {
      assertFalse(html.toLowerCase().contains(outside), outside);
    }
    Matcher url = Pattern.compile("url\\(\\s*['\"]?(.)").matcher(html);
    while (url.find()) {
      assertEquals("#", url.group(1), "a url( to anything but a fragment");
    }
  }

  @Test
  void showsEveryFigureInATableAndOnItsChart() {
    Document page = parse(HtmlReport.render(SampleReports.triage()));
    List<String> cells = texts(page, "//td");
    List<String> chartTexts = texts(page, "//*[local-name()='text'] | //figcaption | //li");

    assertEquals(List.of("Total cost", "Calls", "Cache hit rate", "Cost against the naive baseline"),
        texts(page, "//dt"));
    assertEquals(List.of("$0.06180", "720", "16.3%", "saved 85.0%"), texts(page, "//dd"));
    assertEquals(List.of("llmgen sample: support triage"), texts(page, "//h1"));
    assertTrue(texts(page, "//header/p").containsAll(
        List.of("Provider: simulated, 240 tickets, concurrency 8", "Generated 2025-06-01T10:15:30Z")));
    // Cost per feature and per model, with each one's share of the total.
    assertContainsAll(cells, "SupportDesk.classify", "SupportDesk.draftReply", "38,400", "36,000",
        "$0.004320", "$0.02130", "$0.03618", "7.0%", "34.5%", "58.5%", "$0.06180", "100.0%",
        "gpt-4o-mini", "claude-sonnet-4-5", "$0.03010", "$0.02545", "$0.006250", "48.7%", "41.2%", "10.1%");
    assertContainsAll(chartTexts, "$0.004320", "$0.02130", "$0.03618", "$0.03010", "$0.02545", "$0.006250",
        "SupportDesk.extract", "claude-sonnet-4-5");
    // Latency percentiles, in milliseconds below ten seconds.
    assertContainsAll(cells, "180.0 ms", "420.0 ms", "610.0 ms", "2100.0 ms", "7900.0 ms", "12.4 s");
    assertContainsAll(chartTexts, "p50", "p95", "p99", "SupportDesk.draftReply on claude-sonnet-4-5",
        "180.0 ms", "12.4 s");
    // Cache hit rate and what it saved.
    assertContainsAll(cells, "48", "192", "20.0%", "12.5%", "$0.001080", "$0.004260", "$0.005340");
    assertContainsAll(chartTexts, "20.0%", "12.5%", "48 of 240 lookups", "30 of 240 lookups");
    // Cascade split, and its cost against the strongest model alone.
    assertContainsAll(cells, "180", "30", "85.7%", "14.3%", "210", "$0.01590", "$0.05250", "$0.03660", "69.7%");
    assertContainsAll(chartTexts, "Cost: saved 69.7% against gpt-4o only", "210 calls", "85.7%", "$0.01590",
        "$0.05250");
    assertContainsAll(texts(page, "//p[@class='note']"),
        "Models in cascade order: gpt-4o-mini, then gpt-4o. A call goes on to the next model only when the answer"
            + " is not good enough.",
        "4 calls kept the best answer although none reached the threshold.",
        "The naive baseline does the same work (every ticket classified and extracted, the same replies drafted)"
            + " in 720 calls with no cache, each on gpt-4o, one after another.");
    // Savings against the naive baseline.
    assertContainsAll(cells, "$0.4120", "$0.3502", "85.0%", "38.2 s", "1104.0 s", "1065.8 s", "96.5%");
    assertContainsAll(chartTexts, "Cost: saved 85.0%", "Time: saved 96.5%", "this run", "naive baseline",
        "$0.4120", "38.2 s", "1104.0 s");
  }

  @Test
  void escapesEveryNameItShows() {
    String html = HtmlReport.render(SampleReports.named(NASTY_NAME));
    Document page = parse(html);

    assertFalse(html.contains("<b>"), "an unescaped name");
    assertFalse(html.contains("& "), "an unescaped ampersand");
    assertTrue(html.contains("&lt;b&gt;Desk &amp; &quot;co&quot;&lt;/b&gt; &#39;x&#39;"));
    assertEquals(List.of(NASTY_NAME), texts(page, "//h1"));
    assertEquals(List.of(NASTY_NAME), texts(page, "/html/head/title"));
    assertTrue(texts(page, "//td").contains(NASTY_NAME));
    assertTrue(texts(page, "//*[local-name()='text'][@class='label']").contains(NASTY_NAME));
    assertTrue(texts(page, "//th").contains(NASTY_NAME + " only"), "the strongest model's column");
  }

  @Test
  void saysWhatARunWithNothingInItHadNone() {
    Document page = parse(HtmlReport.render(SampleReports.empty()));

    assertEquals(List.of("No calls in this run.", "No calls in this run.", "No latencies in this run.",
            "No response cache in this run.", "No cascade in this run.",
            "No comparison with the naive baseline: the run made no call."),
        texts(page, "//section/p[@class='note']"));
    assertEquals(List.of(), select(page, "//*[local-name()='svg'] | //table"));
    assertEquals(List.of("$0.00", "0"), texts(page, "//dd"));
  }

  @Test
  void drawsNoBarForZeroFiguresAndDividesByNothing() {
    String html = HtmlReport.render(SampleReports.zeros());
    Document page = parse(html);

    List<Element> bars = select(page, "//*[local-name()='rect'][contains(@class,'bar')]");
    assertEquals(1 + 1 + 3 + 1 + 1 + 2 + 2 + 2, bars.size());
    bars.forEach(bar -> assertEquals("0.0", bar.getAttribute("width"), bar::toString));
    assertFalse(html.contains("NaN") || html.contains("Infinity"));
    assertTrue(texts(page, "//td").contains("0.0%"));
  }

  @Test
  void drawsBarsInProportionToTheirValues() {
    RunReport report = SampleReports.withCosts(4_000_000, 2_000_000, 1_000_000, 0);
    Document page = parse(HtmlReport.render(report));
    double fullWidth = new ChartFrame(new Markup(),
        report.costByFeature().stream().map(CostRow::name).toList(),
        report.costByFeature().stream().map(row -> ReportFormat.usd(row.costNanos())).toList()).plotWidth();

    List<Double> widths = barWidths(page, "cost-by-feature");

    assertEquals(4, widths.size());
    assertEquals(fullWidth, widths.get(0), TOLERANCE);
    assertEquals(fullWidth / 2, widths.get(1), TOLERANCE);
    assertEquals(fullWidth / 4, widths.get(2), TOLERANCE);
    assertEquals(0, widths.get(3), TOLERANCE);
    assertTrue(fullWidth > 500, "the longest bar fills most of the chart: " + fullWidth);
  }

  @Test
  void drawsGroupedBarsOnTheScaleOfTheLargestAndSharesAsPartsOfAFullBar() {
    Document page = parse(HtmlReport.render(SampleReports.triage()));

    // p50, p95 and p99 of each row; the last row's p99 of 12.4 s is the longest, its p50 a quarter of it.
    List<Double> latencies = barWidths(page, "latency");
    assertEquals(15, latencies.size());
    assertEquals(latencies.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), latencies.get(14));
    assertEquals(latencies.get(14) / 4, latencies.get(12), TOLERANCE);
    // Cache hits: 48 of 240 lookups, then 30 of 240.
    double track = Double.parseDouble(select(page, "//section[@id='cache']//*[local-name()='rect'][@class='track']")
        .get(0).getAttribute("width"));
    assertWidths(List.of(0.2 * track, 0.125 * track), barWidths(page, "cache"));
  }

  @Test
  void writesThePageToAFileInANewFolder(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("reports/run.html");

    HtmlReport.write(SampleReports.triage(), file);

    assertEquals(HtmlReport.render(SampleReports.triage()), Files.readString(file, StandardCharsets.UTF_8));
  }

  private static void assertContainsAll(List<String> texts, String... expected) {
    for (String text : expected) {
      assertTrue(texts.contains(text), () -> "no " + text + " in " + texts);
    }
  }

  private static void assertWidths(List<Double> expected, List<Double> actual) {
    assertEquals(expected.size(), actual.size(), actual::toString);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), TOLERANCE, actual::toString);
    }
  }
}
