package dev.llmgen.runtime.budget;

import java.util.Objects;

/**
 * A method's {@code @Budget}, as the processor checked it, in nanodollars.
 * {@link #NO_LIMIT} marks a limit that does not apply.
 *
 * @param pool methods of the same pool share spending
 * @param alertAt the share of a limit whose crossing alerts the listeners, in (0, 1]
 */
public record BudgetPolicy(
    String pool,
    long perRequestNanos,
    long perUserDailyNanos,
    long perUserMonthlyNanos,
    long perAppDailyNanos,
    long perAppMonthlyNanos,
    double alertAt) {

  public static final long NO_LIMIT = Long.MAX_VALUE;

  public BudgetPolicy {
    Objects.requireNonNull(pool, "pool");
    for (long limit : new long[] {perRequestNanos, perUserDailyNanos, perUserMonthlyNanos, perAppDailyNanos, perAppMonthlyNanos}) {
      if (limit < 0) {
        throw new IllegalArgumentException("a budget limit must not be negative: " + limit);
      }
    }
    if (!(alertAt > 0 && alertAt <= 1)) {
      throw new IllegalArgumentException("alertAt must be in (0, 1], not " + alertAt);
    }
  }

  /** A policy for {@code pool} with no limit yet; used by generated code. */
  public static Builder pool(String pool) {
    return new Builder(pool);
  }

  public boolean hasUserLimits() {
    return perUserDailyNanos != NO_LIMIT || perUserMonthlyNanos != NO_LIMIT;
  }

  /** Builds a {@link BudgetPolicy}; limits not set do not apply. */
  public static final class Builder {
    private final String pool;
    private long perRequestNanos = NO_LIMIT;
    private long perUserDailyNanos = NO_LIMIT;
    private long perUserMonthlyNanos = NO_LIMIT;
    private long perAppDailyNanos = NO_LIMIT;
    private long perAppMonthlyNanos = NO_LIMIT;
    private double alertAt = 0.8;

    private Builder(String pool) {
      this.pool = pool;
    }

    public Builder perRequestNanos(long nanos) {
      this.perRequestNanos = nanos;
      return this;
    }

    public Builder perUserDailyNanos(long nanos) {
      this.perUserDailyNanos = nanos;
      return this;
    }

    public Builder perUserMonthlyNanos(long nanos) {
      this.perUserMonthlyNanos = nanos;
      return this;
    }

    public Builder perAppDailyNanos(long nanos) {
      this.perAppDailyNanos = nanos;
      return this;
    }

    public Builder perAppMonthlyNanos(long nanos) {
      this.perAppMonthlyNanos = nanos;
      return this;
    }

    public Builder alertAt(double alertAt) {
      this.alertAt = alertAt;
      return this;
    }

    public BudgetPolicy build() {
      return new BudgetPolicy(
          pool, perRequestNanos, perUserDailyNanos, perUserMonthlyNanos, perAppDailyNanos, perAppMonthlyNanos, alertAt);
    }
  }
}
