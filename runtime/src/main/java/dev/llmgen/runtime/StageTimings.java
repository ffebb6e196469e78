package dev.llmgen.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Where the time of one call went, stage by stage. Only the stages a call went through were timed: a
 * method without a cache, budget or rate limit has no such stage, an answer from the cache never reached
 * the provider, and a method called from hand-written code rendered no prompt. A call that asked several
 * models adds up their turns. What the stages leave of the call's latency went to retry backoffs,
 * cascade scoring and hand-offs between threads.
 */
public final class StageTimings {

  private static final int STAGES = TimedStage.values().length;

  /** A call that went through no timed stage. */
  public static final StageTimings NONE = new StageTimings(new long[STAGES], 0);

  private final long[] nanos;
  private final int stagesRun;

  private StageTimings(long[] nanos, int stagesRun) {
    this.nanos = nanos;
    this.stagesRun = stagesRun;
  }

  /**
   * @param nanos time per stage, indexed by {@link TimedStage#ordinal()}; copied
   * @param stagesRun the stages timed, bit {@code 1 << ordinal} each
   */
  public static StageTimings of(long[] nanos, int stagesRun) {
    if (nanos.length != STAGES) {
      throw new IllegalArgumentException("one time per stage, not " + nanos.length);
    }
    return new StageTimings(nanos.clone(), stagesRun);
  }

  /** Whether the call went through {@code stage}. */
  public boolean ran(TimedStage stage) {
    return (stagesRun & 1 << stage.ordinal()) != 0;
  }

  /** The time {@code stage} took; zero for a stage the call did not go through. */
  public Duration of(TimedStage stage) {
    return Duration.ofNanos(nanos[stage.ordinal()]);
  }

  public long nanos(TimedStage stage) {
    return nanos[stage.ordinal()];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StageTimings timings && stagesRun == timings.stagesRun
        && Arrays.equals(nanos, timings.nanos);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(nanos) + stagesRun;
  }

  /** The stages the call went through, e.g. {@code StageTimings[cache=PT0.000012S, provider=PT0.8S, ...]}. */
  @Override
  public String toString() {
    StringJoiner stages = new StringJoiner(", ", "StageTimings[", "]");
    for (TimedStage stage : TimedStage.values()) {
      if (ran(stage)) {
        stages.add(stage.tagValue() + "=" + of(stage));
      }
    }
    return stages.toString();
  }
}
