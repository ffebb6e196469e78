package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.elements;
import static dev.llmgen.processor.validation.AnnotationValues.string;
import static dev.llmgen.processor.validation.AnnotationValues.value;

import com.google.auto.common.MoreElements;
import com.palantir.javapoet.ClassName;
import dev.llmgen.annotations.Cascade;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.CascadeModel;
import dev.llmgen.processor.validation.ScorerClasses.Refusal;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @Cascade}: at least two catalogued models, none twice, a threshold in (0, 1], a scorer
 * Guice can construct, an {@code @LlmCall} model that is the first of the cascade if it is set, and an
 * answer that is not streamed.
 */
final class CascadeValidator {

  private static final String ANSWER_SCORER = "dev.llmgen.runtime.cascade.AnswerScorer";
  private static final ClassName DECODES_SCORER = ClassName.get("dev.llmgen.runtime.cascade", "DecodesScorer");

  private final Types types;
  private final Elements elements;
  private final ModelNames modelNames;
  private final ScorerClasses scorerClasses;

  CascadeValidator(Types types, Elements elements, ModelNames modelNames) {
    this.types = types;
    this.elements = elements;
    this.modelNames = modelNames;
    this.scorerClasses = new ScorerClasses(elements);
  }

  /**
   * The method's cascade; empty when it has no {@code @Cascade} or {@code report} got an error.
   *
   * @param generatedPackage where the implementation that receives the scorer is generated
   */
  Optional<CascadeModel> validate(
      ExecutableElement method, PackageElement generatedPackage, boolean streamed, DiagnosticReport report) {
    Optional<AnnotationMirror> found = MoreElements.getAnnotationMirror(method, Cascade.class).toJavaUtil();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    boolean valid = true;
    if (streamed) {
      report.report(Message.CASCADE_STREAM, method, annotation, method.getSimpleName());
      valid = false;
    }
    List<? extends AnnotationValue> listed = elements(annotation, "models");
    if (listed.size() < 2) {
      report.report(Message.CASCADE_TOO_FEW_MODELS, method, annotation, value(annotation, "models"), listed.size());
      valid = false;
    }
    if (!listed.isEmpty()) {
      valid &= agreesWithCall(method, (String) listed.get(0).getValue(), report);
    }
    Optional<List<String>> models = modelNames.list(method, annotation, "models", "Cascade", report);
    double threshold = (Double) value(annotation, "threshold").getValue();
    if (!(threshold > 0 && threshold <= 1)) {
      report.report(Message.CASCADE_THRESHOLD, method, annotation, value(annotation, "threshold"), threshold);
      valid = false;
    }
    Optional<ClassName> scorer = scorer(method, annotation, generatedPackage, report);
    boolean failBelowThreshold = (Boolean) value(annotation, "failBelowThreshold").getValue();
    return valid && models.isPresent() && scorer.isPresent()
        ? Optional.of(new CascadeModel(models.get(), threshold, scorer.get(), failBelowThreshold))
        : Optional.empty();
  }

  /** An {@code @LlmCall} model, which a cascade makes redundant, must at least be the model asked first. */
  private static boolean agreesWithCall(ExecutableElement method, String firstModel, DiagnosticReport report) {
    AnnotationMirror call = MoreElements.getAnnotationMirror(method, LlmCall.class).get();
    String model = string(call, "model");
    if (!model.isEmpty() && !model.equals(firstModel)) {
      report.report(Message.CASCADE_MODEL_CONTRADICTS, method, call, value(call, "model"), model, firstModel);
      return false;
    }
    return true;
  }

  /** The scorer class, {@code DecodesScorer} when none is named; empty when it cannot be one. */
  private Optional<ClassName> scorer(
      ExecutableElement method, AnnotationMirror annotation, PackageElement generatedPackage,
      DiagnosticReport report) {
    AnnotationValue value = value(annotation, "scorer");
    if (!(value.getValue() instanceof TypeMirror type)) {
      return Optional.empty(); // a class that does not exist, which javac reports itself
    }
    if (type.getKind() == TypeKind.VOID) {
      return Optional.of(DECODES_SCORER);
    }
    TypeElement answerScorer = elements.getTypeElement(ANSWER_SCORER);
    if (type.getKind() != TypeKind.DECLARED || answerScorer == null
        || !types.isSubtype(types.erasure(type), types.erasure(answerScorer.asType()))) {
      report.report(Message.SCORER_TYPE, method, annotation, value, type);
      return Optional.empty();
    }
    TypeElement scorer = MoreElements.asType(types.asElement(type));
    Optional<Refusal> refusal = scorerClasses.refusal(scorer, generatedPackage);
    refusal.ifPresent(reason ->
        report.report(reason.message(), method, annotation, value, reason.arguments().toArray()));
    return refusal.isEmpty() ? Optional.of(ClassName.get(scorer)) : Optional.empty();
  }
}
