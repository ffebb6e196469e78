package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.StageTimings;
import dev.llmgen.runtime.TimedStage;
import java.util.List;

/**
 * What the turns of one call share: the time of each stage as it is measured, and, when the call fails
 * after asking several models, each model's turn. The turns run one after another, each writing once it
 * is done, and the future a turn completes publishes what it wrote to the next: no lock is needed.
 */
final class Invocation {

  private static final int STAGES = TimedStage.values().length;

  private final long[] nanos = new long[STAGES];
  private int stagesRun;
  private List<Attempt> failedTurns = List.of();

  void add(TimedStage stage, long elapsedNanos) {
    nanos[stage.ordinal()] += elapsedNanos;
    stagesRun |= 1 << stage.ordinal();
  }

  StageTimings timings() {
    return StageTimings.of(nanos, stagesRun);
  }

  void failedAfter(List<Attempt> turns) {
    failedTurns = List.copyOf(turns);
  }

  List<Attempt> failedTurns() {
    return failedTurns;
  }
}
