package dev.llmgen.sample.report;

/** What a run is measured against: a {@link BaselineComparison}, or why there is none. */
public sealed interface Baseline permits BaselineComparison, BaselineUnavailable {
}
