package dev.llmgen.processor.validation;

import static dev.llmgen.processor.validation.AnnotationValues.string;
import static dev.llmgen.processor.validation.AnnotationValues.value;
import static dev.llmgen.processor.validation.AnnotationValues.written;

import com.google.auto.common.MoreElements;
import com.palantir.javapoet.TypeName;
import dev.llmgen.annotations.Cascade;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.UserId;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.CascadeModel;
import dev.llmgen.processor.model.MethodModel;
import dev.llmgen.processor.model.ParameterModel.Rendering;
import dev.llmgen.processor.model.ParameterModel;
import dev.llmgen.processor.model.Policies;
import dev.llmgen.processor.model.ReturnShape;
import dev.llmgen.processor.template.TemplateParser;
import dev.llmgen.processor.template.TemplateSegment;
import dev.llmgen.processor.template.TemplateSyntaxException;
import dev.llmgen.processor.validation.ReturnTypeResolver.UnsupportedReturnException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @LlmCall} method: its annotation values, its prompt against its parameters, its
 * return type and its signature. Builds the method's model when nothing is wrong.
 */
final class LlmCallValidator {

  private static final double ANTHROPIC_MAX_TEMPERATURE = 1;
  private static final Set<String> TEXT_TYPES = Set.of(
      "java.lang.String", "java.lang.CharSequence", "java.lang.Boolean", "java.lang.Character",
      "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
      "java.lang.Double");

  private final Types types;
  private final Elements elements;
  private final ModelNames modelNames;
  private final ReturnTypeResolver returnTypes;
  private final UserIdValidator userIds = new UserIdValidator();
  private final CachedValidator cachedValidator = new CachedValidator();
  private final BudgetValidator budgetValidator = new BudgetValidator();
  private final RateLimitedValidator rateLimitedValidator = new RateLimitedValidator();
  private final CascadeValidator cascadeValidator;
  private final RetryValidator retryValidator = new RetryValidator();
  private final TimeoutValidator timeoutValidator = new TimeoutValidator();
  private final FallbackValidator fallbackValidator;
  private final TypeMirror runtimeException;
  private final TypeMirror error;

  LlmCallValidator(Types types, Elements elements, ModelCatalog catalog) {
    this.types = types;
    this.elements = elements;
    this.modelNames = new ModelNames(catalog);
    this.returnTypes = new ReturnTypeResolver(types, elements);
    this.cascadeValidator = new CascadeValidator(types, elements, modelNames);
    this.fallbackValidator = new FallbackValidator(modelNames);
    this.runtimeException = elements.getTypeElement(RuntimeException.class.getName()).asType();
    this.error = elements.getTypeElement(Error.class.getName()).asType();
  }

  /**
   * @param service the interface being implemented, which may inherit {@code method}
   * @return the method's model, or empty when {@code report} received an error
   */
  Optional<MethodModel> validate(TypeElement service, ExecutableElement method, DiagnosticReport report) {
    AnnotationMirror annotation = MoreElements.getAnnotationMirror(method, LlmCall.class).get();
    boolean valid = true;
    ExecutableType signature = (ExecutableType) types.asMemberOf((DeclaredType) service.asType(), method);

    String model = string(annotation, "model");
    int maxTokens = (Integer) value(annotation, "maxTokens").getValue();
    double temperature = (Double) value(annotation, "temperature").getValue();
    valid &= checkModel(method, annotation, model, report);
    if (maxTokens < 1) {
      report.report(Message.MAX_TOKENS, method, annotation, value(annotation, "maxTokens"), maxTokens);
      valid = false;
    }
    if (!Double.isNaN(temperature) && !(temperature >= 0 && temperature <= 2)) {
      report.report(Message.TEMPERATURE, method, annotation, value(annotation, "temperature"), temperature);
      valid = false;
    }
    valid &= checkSignature(method, signature, report);

    Optional<String> system = systemText(method, annotation, report);
    List<TypeMirror> parameterTypes = List.copyOf(signature.getParameterTypes());
    boolean hasUserId = hasUserIdAnnotation(method);
    Optional<VariableElement> userId = userIds.userIdParameter(method, parameterTypes, report);
    valid &= userId.isPresent() || !hasUserId;
    List<ParameterModel> parameters = parameters(method, parameterTypes);
    Optional<List<TemplateSegment>> prompt = prompt(method, annotation, report);
    Optional<ReturnShape> returnShape = returnShape(method, signature.getReturnType(), report);
    OptionalDouble temperatureSetting = Double.isNaN(temperature) ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    boolean streamed = returnShape.map(ReturnShape::streamed).orElse(false);
    Optional<Policies> policies = policies(service, method, model, hasUserId, temperatureSetting, streamed, report);
    valid &= policies.map(checked -> temperatureFitsEveryModel(method, annotation, temperature, model, checked, report))
        .orElse(true);
    if (!valid || system.isEmpty() || prompt.isEmpty() || returnShape.isEmpty() || policies.isEmpty()) {
      return Optional.empty();
    }
    Optional<ParameterModel> userIdModel = userId.map(element ->
        parameters.get(method.getParameters().indexOf(element)));
    return Optional.of(new MethodModel(
        method.getSimpleName().toString(),
        service.getSimpleName() + "." + method.getSimpleName(),
        parameters,
        policies.get().cascade().map(CascadeModel::firstModel).orElse(model),
        maxTokens,
        system.get(),
        temperatureSetting,
        prompt.get(),
        userIdModel,
        returnShape.get(),
        policies.get()));
  }

  /**
   * Without {@code @Cascade} the method must name its model; with it the cascade names them. A model
   * missing from the catalog still works, unpriced, so it is only a warning.
   */
  private boolean checkModel(ExecutableElement method, AnnotationMirror annotation, String model, DiagnosticReport report) {
    if (MoreElements.isAnnotationPresent(method, Cascade.class)) {
      return true; // the cascade's validator checks its models and this one against them
    }
    Optional<AnnotationValue> written = written(annotation, "model");
    if (written.isEmpty()) {
      report.report(Message.MISSING_MODEL, method, annotation);
      return false;
    }
    if (model.isBlank()) {
      report.report(Message.EMPTY_MODEL, method, annotation, written.get());
      return false;
    }
    if (!modelNames.isCatalogued(model)) {
      report.report(Message.UNKNOWN_MODEL, method, annotation, written.get(), model, modelNames.suggestion(model));
    }
    return true;
  }

  /**
   * The method's cost controls and resilience settings, each checked by its own validator; empty when
   * one is wrong.
   *
   * @param model the model {@code @LlmCall} names
   */
  private Optional<Policies> policies(
      TypeElement service, ExecutableElement method, String model, boolean hasUserId, OptionalDouble temperature,
      boolean streamed, DiagnosticReport report) {
    DiagnosticReport policyReport = new DiagnosticReport();
    Policies policies = new Policies(
        cachedValidator.validate(method, hasUserId, temperature, streamed, policyReport),
        budgetValidator.validate(method, hasUserId, policyReport),
        rateLimitedValidator.validate(method, hasUserId, policyReport),
        cascadeValidator.validate(method, elements.getPackageOf(service), streamed, policyReport),
        retryValidator.validate(method, policyReport),
        timeoutValidator.validate(method, policyReport),
        fallbackValidator.validate(method, model, policyReport));
    report.addAll(policyReport);
    return policyReport.hasErrors() ? Optional.empty() : Optional.of(policies);
  }

  /** Anthropic's models take temperatures up to 1, not OpenAI's 2: each model the method may ask is checked. */
  private boolean temperatureFitsEveryModel(
      ExecutableElement method, AnnotationMirror annotation, double temperature, String model, Policies policies,
      DiagnosticReport report) {
    if (!(temperature > ANTHROPIC_MAX_TEMPERATURE)) {
      return true;
    }
    List<String> models = new ArrayList<>();
    models.add(policies.cascade().map(CascadeModel::firstModel).orElse(model));
    policies.cascade().ifPresent(cascade -> models.addAll(cascade.models()));
    models.addAll(policies.fallbackModels());
    Optional<String> anthropicModel = models.stream()
        .filter(name -> modelNames.provider(name).filter("anthropic"::equals).isPresent())
        .findFirst();
    anthropicModel.ifPresent(name -> report.report(Message.TEMPERATURE_FOR_ANTHROPIC, method, annotation,
        value(annotation, "temperature"), temperature, name));
    return anthropicModel.isEmpty();
  }

  private boolean checkSignature(ExecutableElement method, ExecutableType signature, DiagnosticReport report) {
    boolean valid = true;
    if (!method.getTypeParameters().isEmpty()) {
      report.report(Message.GENERIC_METHOD, method, method.getSimpleName(),
          method.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ")));
      valid = false;
    }
    for (TypeMirror thrown : signature.getThrownTypes()) {
      if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
        report.report(Message.CHECKED_EXCEPTION, method, method.getSimpleName(), thrown);
        valid = false;
      }
    }
    return valid;
  }

  /** The system prompt as sent: literal braces resolved, placeholders refused. */
  private Optional<String> systemText(ExecutableElement method, AnnotationMirror annotation, DiagnosticReport report) {
    AnnotationValue value = value(annotation, "system");
    try {
      StringBuilder text = new StringBuilder();
      for (TemplateSegment segment : TemplateParser.parse(string(annotation, "system"), "system prompt")) {
        if (segment instanceof TemplateSegment.Placeholder placeholder) {
          report.report(Message.SYSTEM_PLACEHOLDER, method, annotation, value, placeholder.name(), placeholder.name());
          return Optional.empty();
        }
        text.append(((TemplateSegment.Literal) segment).text());
      }
      return Optional.of(text.toString());
    } catch (TemplateSyntaxException e) {
      report.report(e.diagnostic(), method, annotation, value, e.arguments());
      return Optional.empty();
    }
  }

  /** The prompt's segments, once every placeholder names a parameter and every parameter is used. */
  private Optional<List<TemplateSegment>> prompt(
      ExecutableElement method, AnnotationMirror annotation, DiagnosticReport report) {
    AnnotationValue value = value(annotation, "prompt");
    String template = string(annotation, "prompt");
    if (template.isBlank()) {
      report.report(Message.EMPTY_PROMPT, method, annotation, value);
      return Optional.empty();
    }
    List<TemplateSegment> segments;
    try {
      segments = TemplateParser.parse(template, "prompt");
    } catch (TemplateSyntaxException e) {
      report.report(e.diagnostic(), method, annotation, value, e.arguments());
      return Optional.empty();
    }
    Set<String> parameterNames = method.getParameters().stream()
        .map(parameter -> parameter.getSimpleName().toString())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> used = new LinkedHashSet<>();
    boolean valid = true;
    for (TemplateSegment segment : segments) {
      if (segment instanceof TemplateSegment.Placeholder placeholder) {
        used.add(placeholder.name());
        if (!parameterNames.contains(placeholder.name())) {
          String suggestion = Suggestions.closest(placeholder.name(), parameterNames)
              .map(name -> " (did you mean {" + name + "}?)").orElse("");
          report.report(Message.UNKNOWN_PLACEHOLDER, method, annotation, value, placeholder.name(),
              method.getSimpleName() + "(" + String.join(", ", parameterNames) + ")", suggestion,
              parameterNames.isEmpty() ? "none" : String.join(", ", parameterNames));
          valid = false;
        }
      }
    }
    for (VariableElement parameter : method.getParameters()) {
      String name = parameter.getSimpleName().toString();
      if (!used.contains(name) && !isUserId(parameter)) {
        report.report(Message.UNUSED_PARAMETER, parameter, name, name);
        valid = false;
      }
    }
    return valid ? Optional.of(segments) : Optional.empty();
  }

  private Optional<ReturnShape> returnShape(ExecutableElement method, TypeMirror returnType, DiagnosticReport report) {
    try {
      return Optional.of(returnTypes.resolve(returnType));
    } catch (UnsupportedReturnException e) {
      report.report(Message.UNSUPPORTED_RETURN_TYPE, method, returnType, e.getMessage());
      return Optional.empty();
    }
  }

  private List<ParameterModel> parameters(ExecutableElement method, List<TypeMirror> parameterTypes) {
    List<ParameterModel> parameters = new ArrayList<>();
    for (int i = 0; i < parameterTypes.size(); i++) {
      TypeMirror type = parameterTypes.get(i);
      parameters.add(new ParameterModel(
          method.getParameters().get(i).getSimpleName().toString(), TypeName.get(type), rendering(type)));
    }
    return parameters;
  }

  private Rendering rendering(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Rendering.TEXT;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Rendering.JSON;
    }
    TypeElement element = (TypeElement) types.asElement(type);
    boolean text = element.getKind() == ElementKind.ENUM
        || TEXT_TYPES.contains(element.getQualifiedName().toString());
    return text ? Rendering.TEXT : Rendering.JSON;
  }

  private static boolean hasUserIdAnnotation(ExecutableElement method) {
    return method.getParameters().stream().anyMatch(LlmCallValidator::isUserId);
  }

  private static boolean isUserId(VariableElement parameter) {
    return MoreElements.isAnnotationPresent(parameter, UserId.class);
  }
}
