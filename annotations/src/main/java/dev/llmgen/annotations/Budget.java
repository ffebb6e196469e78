package dev.llmgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits what an {@link LlmCall} method may spend, in US dollars. Before any network I/O the call's
 * worst case (its input tokens, counted exactly, and {@code maxTokens} of output) is checked against
 * the per-request limit and reserved against every window that applies; afterwards the reservation is
 * settled to the real cost. A call that does not fit fails with {@code BudgetExceededException} and is
 * never sent. Many threads at once cannot overspend, and spending survives a restart.
 *
 * <p>Set at least one limit; a limit left out does not apply. Day and month are calendar windows in
 * the configured time zone ({@code LLMGEN_BUDGET_ZONE}, UTC by default).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Budget {

  /** The most one call may cost. */
  double perRequestUsd() default 0;

  /** The most one {@link UserId} may spend per day. */
  double perUserDailyUsd() default 0;

  /** The most one {@link UserId} may spend per month. */
  double perUserMonthlyUsd() default 0;

  /** The most the whole application may spend per day on this pool. */
  double perAppDailyUsd() default 0;

  /** The most the whole application may spend per month on this pool. */
  double perAppMonthlyUsd() default 0;

  /** The share of a limit whose crossing alerts the {@code BudgetListener}s, once per window, in (0, 1]. */
  double alertAt() default 0.8;

  /** Methods naming the same pool share their spending; each checks its own limits against it. */
  String pool() default "default";
}
