package dev.llmgen.sample.report;

import java.util.Objects;

/**
 * What the calls of one feature, or of one model, used and cost.
 *
 * @param name the feature ({@code SupportDesk.extract}) or the model ({@code gpt-4o})
 * @param costNanos in nanodollars (1e-9 USD)
 */
public record CostRow(String name, long calls, long inputTokens, long outputTokens, long costNanos) {

  public CostRow {
    Objects.requireNonNull(name, "name");
  }
}
