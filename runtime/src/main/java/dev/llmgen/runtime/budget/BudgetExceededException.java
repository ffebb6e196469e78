package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.LlmException;
import dev.llmgen.runtime.budget.BudgetLedger.Totals;
import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A call was refused before it was sent, because its worst-case cost does not fit a {@code @Budget}
 * limit. Amounts are in nanodollars, with {@code ...Usd()} views in dollars.
 */
public class BudgetExceededException extends LlmException {

  /** The {@link #window()} of a per-request limit. */
  public static final String REQUEST = "request";

  private final String limitName;
  private final String window;
  private final String pool;
  private final String user;
  private final long limitNanos;
  private final long spentNanos;
  private final long reservedNanos;
  private final long askedNanos;

  private BudgetExceededException(
      String message, String limitName, String window, String pool, String user, long limitNanos,
      long spentNanos, long reservedNanos, long askedNanos) {
    super(message);
    this.limitName = limitName;
    this.window = window;
    this.pool = pool;
    this.user = user;
    this.limitNanos = limitNanos;
    this.spentNanos = spentNanos;
    this.reservedNanos = reservedNanos;
    this.askedNanos = askedNanos;
  }

  static BudgetExceededException perRequest(String feature, String pool, long limitNanos, long askedNanos) {
    String message = feature + " would exceed " + BudgetLimit.PER_REQUEST + ' ' + Dollars.format(limitNanos)
        + ": this call may cost up to " + Dollars.format(askedNanos) + " (its input and maxTokens of output)";
    return new BudgetExceededException(
        message, BudgetLimit.PER_REQUEST, REQUEST, pool, null, limitNanos, 0, 0, askedNanos);
  }

  static BudgetExceededException inWindow(
      String feature, BudgetWindow window, long limitNanos, Totals totals, long askedNanos) {
    String limitName = BudgetLimit.of(window).annotationName();
    String message = feature + " would exceed " + limitName + ' ' + Dollars.format(limitNanos)
        + (window.perUser() ? " for user " + window.user() : "") + " in pool " + window.pool()
        + (window.span() == BudgetWindow.Span.DAY ? " on " : " in ") + window.period() + ": "
        + Dollars.format(totals.spentNanos()) + " spent, " + Dollars.format(totals.reservedNanos())
        + " reserved, this call may cost up to " + Dollars.format(askedNanos);
    return new BudgetExceededException(message, limitName, window.period(), window.pool(), window.user(),
        limitNanos, totals.spentNanos(), totals.reservedNanos(), askedNanos);
  }

  /** The limit as {@code @Budget} names it, e.g. {@code perUserDailyUsd}. */
  public String limitName() {
    return limitName;
  }

  /** The day ({@code 2026-11-23}), the month ({@code 2026-11}) or {@link #REQUEST}. */
  public String window() {
    return window;
  }

  public String pool() {
    return pool;
  }

  /** The user, for a per-user limit. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  public long limitNanos() {
    return limitNanos;
  }

  /** What the window had spent, settled. */
  public long spentNanos() {
    return spentNanos;
  }

  /** What the window held for calls in flight. */
  public long reservedNanos() {
    return reservedNanos;
  }

  /** This call's worst-case cost. */
  public long askedNanos() {
    return askedNanos;
  }

  public BigDecimal limitUsd() {
    return Usd.fromNanos(limitNanos);
  }

  public BigDecimal spentUsd() {
    return Usd.fromNanos(spentNanos);
  }

  public BigDecimal reservedUsd() {
    return Usd.fromNanos(reservedNanos);
  }

  public BigDecimal askedUsd() {
    return Usd.fromNanos(askedNanos);
  }
}
