package dev.llmgen.sample.report;

import java.util.Objects;

/** A figure at the top of a report, such as the total cost, with what it is. */
record KeyFigure(String label, String value) {

  KeyFigure {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
