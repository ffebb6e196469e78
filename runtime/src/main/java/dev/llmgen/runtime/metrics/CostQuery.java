package dev.llmgen.runtime.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which entries of the {@link CostLedger} to add up: every one, or only those of a user, a feature, a
 * model, a day or a span of days, in any combination. Immutable; each method returns a narrower query.
 * <pre>
 *   ledger.total(CostQuery.all().user("cust-7").day(today));
 *   ledger.byModel(CostQuery.all().feature("SupportBot.answer").days(monday, today));
 * </pre>
 */
public final class CostQuery {

  private static final CostQuery ALL = new CostQuery(null, null, null, LocalDate.MIN, LocalDate.MAX);

  private final String user;
  private final String feature;
  private final String model;
  private final LocalDate firstDay;
  private final LocalDate lastDay;

  private CostQuery(String user, String feature, String model, LocalDate firstDay, LocalDate lastDay) {
    this.user = user;
    this.feature = feature;
    this.model = model;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  public static CostQuery all() {
    return ALL;
  }

  /** Only the calls of {@code user}, as passed to {@code @UserId}; {@link CostLedger#NO_USER} for calls without one. */
  public CostQuery user(String user) {
    return new CostQuery(Objects.requireNonNull(user, "user"), feature, model, firstDay, lastDay);
  }

  /** Only the calls of one service method, e.g. {@code SupportBot.answer}. */
  public CostQuery feature(String feature) {
    return new CostQuery(user, Objects.requireNonNull(feature, "feature"), model, firstDay, lastDay);
  }

  /** Only what one model did, as the provider was asked for it (after the model map). */
  public CostQuery model(String model) {
    return new CostQuery(user, feature, Objects.requireNonNull(model, "model"), firstDay, lastDay);
  }

  /** Only one day, in the zone of the runtime's clock (the budgets' zone). */
  public CostQuery day(LocalDate day) {
    return days(day, day);
  }

  /** Only the days from {@code first} to {@code last}, both included. */
  public CostQuery days(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the days end (" + last + ") before they start (" + first + ")");
    }
    return new CostQuery(user, feature, model, first, last);
  }

  boolean includes(LocalDate day) {
    return !day.isBefore(firstDay) && !day.isAfter(lastDay);
  }

  boolean matches(CostLedger.Key key) {
    return (user == null || user.equals(key.user()))
        && (feature == null || feature.equals(key.feature()))
        && (model == null || model.equals(key.model()))
        && includes(key.day());
  }

  @Override
  public String toString() {
    return "CostQuery[user=" + user + ", feature=" + feature + ", model=" + model + ", days=" + firstDay + ".."
        + lastDay + "]";
  }
}
