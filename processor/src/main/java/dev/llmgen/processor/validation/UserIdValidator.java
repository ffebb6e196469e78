package dev.llmgen.processor.validation;

import com.google.auto.common.MoreElements;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.UserId;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks {@code @UserId}: on a String parameter, at most once per method, only on {@code @LlmCall} methods. */
public final class UserIdValidator {

  /**
   * The method's {@code @UserId} parameter, if it has exactly one and it is a String; otherwise
   * reports why and returns empty.
   */
  Optional<VariableElement> userIdParameter(
      ExecutableElement method, List<TypeMirror> parameterTypes, DiagnosticReport report) {
    List<? extends VariableElement> parameters = method.getParameters();
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      if (MoreElements.isAnnotationPresent(parameters.get(i), UserId.class)) {
        marked.add(i);
      }
    }
    if (marked.size() > 1) {
      String names = marked.stream().map(i -> parameters.get(i).getSimpleName().toString())
          .collect(Collectors.joining(", "));
      for (int i : marked.subList(1, marked.size())) {
        report.report(Message.DUPLICATE_USER_ID, parameters.get(i), userIdAnnotation(parameters.get(i)),
            method.getSimpleName(), names);
      }
      return Optional.empty();
    }
    if (marked.isEmpty()) {
      return Optional.empty();
    }
    VariableElement parameter = parameters.get(marked.get(0));
    TypeMirror type = parameterTypes.get(marked.get(0));
    if (!isString(type)) {
      report.report(Message.USER_ID_NOT_STRING, parameter, userIdAnnotation(parameter), parameter.getSimpleName(), type);
      return Optional.empty();
    }
    return Optional.of(parameter);
  }

  /** Reports a {@code @UserId} whose method has no {@code @LlmCall}. */
  public void validateEnclosingMethod(Element parameter, DiagnosticReport report) {
    Element method = parameter.getEnclosingElement();
    if (method.getKind() == ElementKind.METHOD && !MoreElements.isAnnotationPresent(method, LlmCall.class)) {
      report.report(Message.USER_ID_WITHOUT_CALL, parameter, userIdAnnotation(parameter),
          parameter.getSimpleName(), method.getSimpleName());
    }
  }

  private static AnnotationMirror userIdAnnotation(Element parameter) {
    return MoreElements.getAnnotationMirror(parameter, UserId.class).get();
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && type.toString().equals("java.lang.String");
  }
}
