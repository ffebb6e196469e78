package dev.llmgen.runtime.budget;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * Where spending is counted: one pool, for one user or the whole application, over one calendar day
 * or month.
 *
 * @param user the user, or {@code null} for the whole application
 * @param start the day; for a month, any of its days, kept as the first
 */
public record BudgetWindow(String pool, String user, Span span, LocalDate start) implements Comparable<BudgetWindow> {

  /** How long a window lasts. */
  public enum Span { DAY, MONTH }

  private static final String WHOLE_APP = "*";
  private static final Comparator<BudgetWindow> ORDER = Comparator.comparing(BudgetWindow::pool)
      .thenComparing(BudgetWindow::user, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(BudgetWindow::span)
      .thenComparing(BudgetWindow::start);

  public BudgetWindow {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(start, "start");
    start = span == Span.MONTH ? start.withDayOfMonth(1) : start;
  }

  public boolean perUser() {
    return user != null;
  }

  public YearMonth month() {
    return YearMonth.from(start);
  }

  /** {@code 2026-11-23} for a day, {@code 2026-11} for a month. */
  public String period() {
    return span == Span.DAY ? start.toString() : month().toString();
  }

  /**
   * A one-word key such as {@code default|cust-1|day|2026-11-23}, with {@code *} for the whole
   * application. Pool and user are URL-encoded, so any name fits and a user named {@code *} is not
   * the application.
   */
  public String key() {
    return encode(pool) + '|' + (user == null ? WHOLE_APP : encode(user)) + '|'
        + span.name().toLowerCase(Locale.ROOT) + '|' + period();
  }

  /** The window whose {@link #key()} is {@code key}. */
  static BudgetWindow parse(String key) {
    String[] parts = key.split("\\|", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a budget window: " + key);
    }
    Span span = Span.valueOf(parts[2].toUpperCase(Locale.ROOT));
    LocalDate start = span == Span.DAY ? LocalDate.parse(parts[3]) : YearMonth.parse(parts[3]).atDay(1);
    return new BudgetWindow(decode(parts[0]), parts[1].equals(WHOLE_APP) ? null : decode(parts[1]), span, start);
  }

  @Override
  public int compareTo(BudgetWindow other) {
    return ORDER.compare(this, other);
  }

  private static String encode(String name) {
    // URLEncoder leaves '*' alone, which would make a user named "*" the whole application.
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("*", "%2A");
  }

  private static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }
}
