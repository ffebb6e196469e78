package dev.llmgen.runtime.cascade;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmOutputException;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.chain.Failures;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.format.OutputFormat;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An LLM judge: a cheap model ({@code LLMGEN_JUDGE_MODEL}, {@code gpt-4o-mini} unless set) grades each
 * answer from 0 to 10 against the task it was given. The judge's call is a call like any other: it is
 * priced, measured and charged to the cost ledger as {@code <feature>.judge}, charged to the method's {@code @Budget}
 * pool, and its cost is added to the attempt it scored. Answers that do not decode or were cut off
 * score 0 without asking the judge; a verdict that is not a grade scores 0 too, its cost still added.
 */
@Singleton
public final class JudgeScorer implements AnswerScorer {

  static final int MAX_GRADE = 10;
  private static final String SYSTEM = "You grade the answer another model gave to a task. Judge whether it is"
      + " correct, complete and follows the task's instructions. Reply with one whole number from 0 (useless or"
      + " wrong) to " + MAX_GRADE + " (fully correct and complete), and nothing else.";

  private final LlmRuntime runtime;
  private final String judgeModel;
  // One judge per judged method, bound on first use; there are as many as the application has cascades.
  private final Map<CallSpec<?>, LlmMethod<Integer>> judges = new ConcurrentHashMap<>();

  @Inject
  public JudgeScorer(LlmRuntime runtime, LlmSettings settings) {
    this.runtime = runtime;
    this.judgeModel = settings.judgeModel();
  }

  @Override
  public CompletionStage<Score> score(Candidate<?> candidate) {
    Optional<Score> unusable = candidate.unusable();
    if (unusable.isPresent()) {
      return CompletableFuture.completedFuture(unusable.get());
    }
    LlmMethod<Integer> judge = judgeOf(candidate.spec());
    return judge.callForResultAsync(gradingPrompt(candidate), candidate.userId()).handle((grading, failure) -> {
      if (failure == null) {
        int grade = Math.max(0, Math.min(MAX_GRADE, grading.value()));
        return new Score((double) grade / MAX_GRADE, "judge " + grading.model() + ": " + grade + "/" + MAX_GRADE,
            grading.costNanos());
      }
      // A verdict that is not a grade was still paid for: its cost stays with the attempt, as in the ledger.
      if (Failures.unwrap(failure) instanceof LlmOutputException unreadable) {
        return new Score(0, "judge " + unreadable.model() + " gave no grade", unreadable.costNanos());
      }
      throw new CompletionException(Failures.unwrap(failure));
    });
  }

  private LlmMethod<Integer> judgeOf(CallSpec<?> judged) {
    return judges.computeIfAbsent(judged, spec -> {
      CallSpec.Builder<Integer> judge =
          CallSpec.builder(spec.feature() + ".judge", judgeModel, 8, OutputFormat.integer()).system(SYSTEM).temperature(0);
      spec.budget().ifPresent(judge::budget);
      return runtime.bind(judge.build());
    });
  }

  private static String gradingPrompt(Candidate<?> candidate) {
    return "The task's instructions:\n" + candidate.spec().system() + "\n\nThe task:\n" + candidate.prompt()
        + "\n\nThe answer to grade:\n" + candidate.text();
  }
}
