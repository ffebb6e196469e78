package dev.llmgen.sample.report;

import java.util.Objects;

/** @param reason why the run could not be compared with the naive baseline, as a sentence */
public record BaselineUnavailable(String reason) implements Baseline {

  public BaselineUnavailable {
    Objects.requireNonNull(reason, "reason");
  }
}
