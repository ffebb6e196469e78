package dev.llmgen.runtime.cascade;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.format.OutputFormat;
import java.util.List;
import java.util.Optional;

/** Candidates for scorer tests: the answers of one free-text method. */
final class Candidates {

  static final CallSpec<String> SPEC = CallSpec.builder("Desk.answer", "gpt-4o-mini", 200, OutputFormat.text())
      .system("Answer in one word.")
      .build();

  static final String QUESTION = "Capital of France?";
  static final String USER = "ada";

  private Candidates() {}

  static Candidate<String> decoded(String text) {
    return new Candidate<>(SPEC, QUESTION, USER, "gpt-4o-mini", text, Optional.of(text.strip()), false, List.of());
  }

  static Candidate<String> notDecoded(String text) {
    return new Candidate<>(SPEC, QUESTION, USER, "gpt-4o-mini", text, Optional.empty(), false, List.of());
  }

  static Candidate<String> truncated(String text) {
    return new Candidate<>(SPEC, QUESTION, USER, "gpt-4o-mini", text, Optional.of(text.strip()), true, List.of());
  }

  static Candidate<String> withLogprobs(String text, List<Double> logprobs) {
    return new Candidate<>(SPEC, QUESTION, USER, "gpt-4o-mini", text, Optional.of(text.strip()), false, logprobs);
  }

  static Score scoreOf(AnswerScorer scorer, Candidate<?> candidate) {
    return scorer.score(candidate).toCompletableFuture().join();
  }
}
