package dev.llmgen.processor.validation;

import com.google.auto.common.MoreElements;
import com.palantir.javapoet.ClassName;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.MethodModel;
import dev.llmgen.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks an interface with {@code @LlmCall} methods as a whole: that llmgen can implement it, and that
 * every abstract method it declares or inherits is an {@code @LlmCall}. Builds the service's model
 * when nothing is wrong.
 */
public final class ServiceValidator {

  /**
   * Thrown while validating an interface that depends on a type another processor has yet to generate:
   * validate the interface again in the next round, when the type exists. Unchecked, because it passes
   * through every validator between the type and the interface.
   */
  public static final class TypeNotGeneratedException extends RuntimeException {
    TypeNotGeneratedException(TypeMirror type) {
      super(type + " is not generated yet", null, false, false);
    }
  }

  private static final String IMPLEMENTATION_SUFFIX = "Impl";
  private static final String MODULE_SUFFIX = "Module";

  private final Types types;
  private final Elements elements;
  private final LlmCallValidator callValidator;

  public ServiceValidator(Types types, Elements elements, ModelCatalog catalog) {
    this.types = types;
    this.elements = elements;
    this.callValidator = new LlmCallValidator(types, elements, catalog);
  }

  /**
   * The service's model, or empty when {@code report} received an error.
   *
   * @throws TypeNotGeneratedException when a type the service needs does not exist yet
   */
  public Optional<ServiceModel> validate(TypeElement service, DiagnosticReport report) {
    boolean valid = true;
    if (service.getModifiers().contains(Modifier.PRIVATE)) {
      report.report(Message.PRIVATE_INTERFACE, service, service.getQualifiedName());
      valid = false;
    }
    if (!service.getTypeParameters().isEmpty()) {
      report.report(Message.GENERIC_INTERFACE, service, service.getQualifiedName(),
          service.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ")));
      valid = false;
    }
    List<MethodModel> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(service.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) && MoreElements.isAnnotationPresent(method, LlmCall.class)) {
        report.report(Message.CALL_WITH_BODY, method, MoreElements.getAnnotationMirror(method, LlmCall.class).get(),
            method.getSimpleName(), method.getModifiers().contains(Modifier.STATIC) ? "static" : "default");
        valid = false;
      }
    }
    for (ExecutableElement method : MoreElements.getLocalAndInheritedMethods(service, types, elements)) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || overridesObjectMethod(method)) {
        continue;
      }
      if (!MoreElements.isAnnotationPresent(method, LlmCall.class)) {
        report.report(Message.MISSING_CALL, method, method.getSimpleName());
        valid = false;
        continue;
      }
      Optional<MethodModel> model = callValidator.validate(service, method, report);
      model.ifPresent(methods::add);
      valid &= model.isPresent();
    }
    if (!valid) {
      return Optional.empty();
    }
    ClassName interfaceName = ClassName.get(service);
    String baseName = String.join("_", interfaceName.simpleNames());
    return Optional.of(new ServiceModel(
        service,
        interfaceName,
        ClassName.get(interfaceName.packageName(), baseName + IMPLEMENTATION_SUFFIX),
        ClassName.get(interfaceName.packageName(), baseName + MODULE_SUFFIX),
        methods));
  }

  /** {@code equals}, {@code hashCode} and {@code toString}, which the implementation inherits from Object. */
  private static boolean overridesObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (arity == 0 && (name.equals("hashCode") || name.equals("toString")))
        || (arity == 1 && name.equals("equals") && method.getParameters().get(0).asType().toString().equals("java.lang.Object"));
  }
}
