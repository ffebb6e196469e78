package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.TimedStage;

/**
 * The stage times of one call as they are measured, shared by the call's turns. The stages run one after
 * another, each adding its time once it is done, and the future a stage completes publishes what it
 * wrote to the next: no lock is needed.
 */
final class StageTimes {

  private static final int STAGES = TimedStage.values().length;

  private final long[] nanos = new long[STAGES];
  private int stagesRun;

  void add(TimedStage stage, long elapsedNanos) {
    nanos[stage.ordinal()] += elapsedNanos;
    stagesRun |= 1 << stage.ordinal();
  }

  StageTimings snapshot() {
    return StageTimings.of(nanos, stagesRun);
  }
}
