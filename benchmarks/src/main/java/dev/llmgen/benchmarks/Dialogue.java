package dev.llmgen.benchmarks;

/**
 * What every benchmark asks, and what every benchmarked model answers with the token counts it reports
 * (so that no framework has tokens to count).
 */
final class Dialogue {

  static final String QUESTION = "What is the capital of France?";
  static final String USER = "user-42";

  static final String MODEL = "gpt-4o-mini";
  static final String ANSWER = "Paris.";
  static final int INPUT_TOKENS = 12;
  static final int OUTPUT_TOKENS = 2;

  private Dialogue() {}

  /** Fails a benchmark's set-up when one of its contenders does not give the answer. */
  static void expectAnswer(String contender, String answer) {
    if (!ANSWER.equals(answer)) {
      throw new IllegalStateException(contender + " answered \"" + answer + "\", not \"" + ANSWER + "\"");
    }
  }
}
