package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.budget.BudgetWindow.Span;
import java.time.LocalDate;
import java.util.function.ToLongFunction;

/** The limits of a {@code @Budget} that apply to windows, named as the annotation spells them. */
enum BudgetLimit {
  PER_USER_DAILY("perUserDailyUsd", true, Span.DAY, BudgetPolicy::perUserDailyNanos),
  PER_USER_MONTHLY("perUserMonthlyUsd", true, Span.MONTH, BudgetPolicy::perUserMonthlyNanos),
  PER_APP_DAILY("perAppDailyUsd", false, Span.DAY, BudgetPolicy::perAppDailyNanos),
  PER_APP_MONTHLY("perAppMonthlyUsd", false, Span.MONTH, BudgetPolicy::perAppMonthlyNanos);

  /** The limit that is not about a window. */
  static final String PER_REQUEST = "perRequestUsd";

  private final String annotationName;
  private final boolean perUser;
  private final Span span;
  private final ToLongFunction<BudgetPolicy> limit;

  BudgetLimit(String annotationName, boolean perUser, Span span, ToLongFunction<BudgetPolicy> limit) {
    this.annotationName = annotationName;
    this.perUser = perUser;
    this.span = span;
    this.limit = limit;
  }

  /** The limit of {@code window}'s kind. */
  static BudgetLimit of(BudgetWindow window) {
    for (BudgetLimit candidate : values()) {
      if (candidate.perUser == window.perUser() && candidate.span == window.span()) {
        return candidate;
      }
    }
    throw new AssertionError(window);
  }

  String annotationName() {
    return annotationName;
  }

  boolean perUser() {
    return perUser;
  }

  /** This limit in {@code policy}, {@link BudgetPolicy#NO_LIMIT} if it sets none. */
  long in(BudgetPolicy policy) {
    return limit.applyAsLong(policy);
  }

  /** The window this limit applies to on {@code day}; {@code user} counts only for per-user limits. */
  BudgetWindow window(String pool, String user, LocalDate day) {
    return new BudgetWindow(pool, perUser ? user : null, span, day);
  }
}
