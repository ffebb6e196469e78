package dev.llmgen.sample;

import dev.llmgen.catalog.TokenPrices;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cascade did over a run: how many calls each model answered, and what they cost against
 * asking the strongest model every time. Answers from the response cache cost nothing either way and
 * are left out.
 *
 * @param answeredBy calls answered, by model
 * @param belowThreshold calls answered by the best answer although none reached the threshold
 * @param costNanos what the cascade's calls cost: every model asked, rejected answers included
 * @param strongestOnlyNanos what the same answers would have cost from the strongest model alone
 */
record CascadeSplit(Map<String, Integer> answeredBy, int belowThreshold, long costNanos, long strongestOnlyNanos) {

  /** @param strongest the prices of the cascade's last, strongest model */
  static CascadeSplit of(List<LlmResult<?>> results, TokenPrices strongest) {
    Map<String, Integer> answeredBy = new TreeMap<>();
    int belowThreshold = 0;
    long cost = 0;
    long strongestOnly = 0;
    for (LlmResult<?> result : results) {
      if (result.fromCache()) {
        continue;
      }
      Attempt answer = result.attempts().stream().filter(attempt -> attempt.outcome().answered()).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("a result without its answering attempt: " + result));
      answeredBy.merge(answer.model(), 1, Integer::sum);
      belowThreshold += answer.outcome() == Attempt.Outcome.ANSWERED_BELOW_THRESHOLD ? 1 : 0;
      cost += result.costNanos();
      strongestOnly += strongest.costNanos(answer.inputTokens(), 0, 0, answer.outputTokens());
    }
    return new CascadeSplit(answeredBy, belowThreshold, cost, strongestOnly);
  }

  int calls() {
    return answeredBy.values().stream().mapToInt(Integer::intValue).sum();
  }

  long savedNanos() {
    return strongestOnlyNanos - costNanos;
  }
}
