package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.value;
import static dev.llmgen.processor.validation.AnnotationValues.written;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.Budget;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.BudgetModel;
import dev.llmgen.units.Usd;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks {@code @Budget}: at least one limit, every limit a dollar amount of 0 or more, alertAt in
 * (0, 1], and a user for per-user limits. Converts the limits to nanodollars, exactly, here.
 */
final class BudgetValidator {

  private static final List<String> LIMITS =
      List.of("perRequestUsd", "perUserDailyUsd", "perUserMonthlyUsd", "perAppDailyUsd", "perAppMonthlyUsd");
  private static final List<String> USER_LIMITS = List.of("perUserDailyUsd", "perUserMonthlyUsd");

  /** The method's budget; empty when it has no {@code @Budget} or {@code report} got an error. */
  Optional<BudgetModel> validate(ExecutableElement method, boolean hasUserId, DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, Budget.class).toJavaUtil();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    boolean valid = true;
    Map<String, Long> limits = new LinkedHashMap<>();
    for (String limit : LIMITS) {
      Optional<AnnotationValue> written = written(annotation, limit);
      if (written.isEmpty()) {
        continue;
      }
      Optional<Long> nanos = nanos((Double) written.get().getValue());
      if (nanos.isEmpty()) {
        report.report(Message.BUDGET_LIMIT, method, annotation, written.get(), limit, written.get().getValue());
        valid = false;
      } else if (USER_LIMITS.contains(limit) && !hasUserId) {
        report.report(Message.POLICY_NEEDS_USER_ID, method, annotation, written.get(),
            "@Budget " + limit, method.getSimpleName(), "use a per-app limit");
        valid = false;
      } else {
        limits.put(limit, nanos.get());
      }
    }
    if (valid && limits.isEmpty()) {
      report.report(Message.BUDGET_NO_LIMIT, method, annotation);
      valid = false;
    }
    double alertAt = (Double) value(annotation, "alertAt").getValue();
    if (!(alertAt > 0 && alertAt <= 1)) {
      report.report(Message.BUDGET_ALERT_AT, method, annotation, value(annotation, "alertAt"), alertAt);
      valid = false;
    }
    String pool = (String) value(annotation, "pool").getValue();
    return valid ? Optional.of(new BudgetModel(pool, limits, alertAt)) : Optional.empty();
  }

  /** {@code usd} in nanodollars, if it is a finite amount of 0 or more with at most 9 decimals. */
  private static Optional<Long> nanos(double usd) {
    if (!Double.isFinite(usd) || usd < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Usd.toNanos(BigDecimal.valueOf(usd)));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }
}
