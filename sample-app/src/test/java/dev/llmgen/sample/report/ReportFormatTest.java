package dev.llmgen.sample.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void writesDollarsWithFourSignificantDigitsBelowADollarAndCentsFromThere() {
    assertEquals("$0.00", ReportFormat.usd(0));
    assertEquals("$0.000000001", ReportFormat.usd(1));
    assertEquals("$0.000000500", ReportFormat.usd(500));
    assertEquals("$0.0001230", ReportFormat.usd(123_000));
    assertEquals("$0.0001235", ReportFormat.usd(123_456));
    assertEquals("$0.03125", ReportFormat.usd(31_250_000));
    assertEquals("$0.03000", ReportFormat.usd(30_000_000));
    assertEquals("$0.5000", ReportFormat.usd(500_000_000));
    assertEquals("$0.9999", ReportFormat.usd(999_900_000));
    assertEquals("$1.00", ReportFormat.usd(999_999_999));
    assertEquals("$1.23", ReportFormat.usd(1_234_567_890));
    assertEquals("$1234.57", ReportFormat.usd(1_234_567_890_000L));
    assertEquals("-$0.5000", ReportFormat.usd(-500_000_000));
    assertEquals("-$2.50", ReportFormat.usd(-2_500_000_000L));
  }

  @Test
  void writesMillisecondsBelowTenSecondsAndSecondsFromThere() {
    assertEquals("0.0 ms", ReportFormat.duration(Duration.ZERO));
    assertEquals("1.2 ms", ReportFormat.duration(Duration.ofNanos(1_240_000)));
    assertEquals("412.0 ms", ReportFormat.duration(Duration.ofMillis(412)));
    assertEquals("9999.0 ms", ReportFormat.duration(Duration.ofMillis(9_999)));
    assertEquals("10.0 s", ReportFormat.duration(Duration.ofSeconds(10)));
    assertEquals("12.3 s", ReportFormat.duration(Duration.ofMillis(12_345)));
    assertEquals("-12.0 ms", ReportFormat.duration(Duration.ofMillis(-12)));
    assertEquals("-20.0 s", ReportFormat.duration(Duration.ofSeconds(-20)));
  }

  @Test
  void writesSharesCountsSavingsAndInstantsTheSameInEveryLocale() {
    assertEquals("72.5%", ReportFormat.percent(0.725));
    assertEquals("0.0%", ReportFormat.percent(0));
    assertEquals("100.0%", ReportFormat.percent(1));
    assertEquals("1,234,567", ReportFormat.count(1_234_567));
    assertEquals("saved 63.5%", ReportFormat.saving(0.635));
    assertEquals("saved 0.0%", ReportFormat.saving(0));
    assertEquals("4.0% more", ReportFormat.saving(-0.04));
    assertEquals("2025-06-01T10:15:30Z", ReportFormat.instant(SampleReports.GENERATED_AT));
  }

  @Test
  void aShareOfNothingIsZero() {
    assertEquals(0.0, Fractions.of(5, 0));
    assertEquals(0.25, Fractions.of(1, 4));
    assertEquals(0.0, new CacheRow("f", 0, 0, 0).hitRate());
    assertEquals(0.75, new CacheRow("f", 3, 1, 0).hitRate());
  }
}
