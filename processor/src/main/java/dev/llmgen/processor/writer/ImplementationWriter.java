package dev.llmgen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.llmgen.processor.model.AnswerType;
import dev.llmgen.processor.model.CascadeModel;
import dev.llmgen.processor.model.MethodModel;
import dev.llmgen.processor.model.ParameterModel;
import dev.llmgen.processor.model.RetryModel;
import dev.llmgen.processor.model.ReturnShape;
import dev.llmgen.processor.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooImpl}: one {@code static final CallSpec} per method built from literals, one
 * {@code LlmMethod} per method bound in the constructor (with its cascade's scorer, which Guice
 * injects), and method bodies that only note the time, render the prompt and hand both over.
 */
final class ImplementationWriter {

  private static final String RUNTIME_PACKAGE = "dev.llmgen.runtime";
  private static final ClassName CALL_SPEC = ClassName.get(RUNTIME_PACKAGE, "CallSpec");
  private static final ClassName LLM_METHOD = ClassName.get(RUNTIME_PACKAGE, "LlmMethod");
  private static final ClassName LLM_RUNTIME = ClassName.get(RUNTIME_PACKAGE, "LlmRuntime");
  private static final ClassName OUTPUT_FORMAT = ClassName.get(RUNTIME_PACKAGE + ".format", "OutputFormat");
  private static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
  private static final String RUNTIME_PARAMETER = "runtime";

  private final PromptRenderer promptRenderer = new PromptRenderer();
  private final PolicyWriter policyWriter = new PolicyWriter();

  TypeSpec.Builder write(ServiceModel service) {
    TypeSpec.Builder type = TypeSpec.classBuilder(service.implementationName())
        .addJavadoc("The llmgen implementation of {@link $T}.\n", service.interfaceName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(service.interfaceName());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addAnnotation(INJECT)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(LLM_RUNTIME, RUNTIME_PARAMETER);
    Map<ClassName, String> scorers = scorerParameters(service);
    scorers.forEach(constructor::addParameter);
    NameAllocator names = new NameAllocator();
    for (MethodModel method : service.methods()) {
      String specName = names.newName(constantName(method.name()));
      String boundName = names.newName(method.name());
      TypeName answerType = method.returnShape().answer().boxedType();
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(CALL_SPEC, answerType), specName)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(callSpec(method))
          .build());
      type.addField(ParameterizedTypeName.get(LLM_METHOD, answerType), boundName, Modifier.PRIVATE, Modifier.FINAL);
      Optional<CascadeModel> cascade = method.policies().cascade();
      if (cascade.isPresent()) {
        constructor.addStatement("this.$N = $N.bind($N, $N)",
            boundName, RUNTIME_PARAMETER, specName, scorers.get(cascade.get().scorer()));
      } else {
        constructor.addStatement("this.$N = $N.bind($N)", boundName, RUNTIME_PARAMETER, specName);
      }
      type.addMethod(implementation(method, boundName));
    }
    return type.addMethod(constructor.build());
  }

  private CodeBlock callSpec(MethodModel method) {
    CodeBlock.Builder spec = CodeBlock.builder()
        .add("$T.builder($S, $S, $L, $L)", CALL_SPEC, method.feature(), method.model(), method.maxTokens(),
            outputFormat(method.returnShape().answer()))
        .indent()
        .indent();
    if (!method.system().isEmpty()) {
      spec.add("\n.system($S)", method.system());
    }
    if (method.temperature().isPresent()) {
      spec.add("\n.temperature($L)", Double.toString(method.temperature().getAsDouble()));
    }
    method.policies().cache().ifPresent(cache -> spec.add("\n.cache($L)", policyWriter.cache(cache)));
    method.policies().budget().ifPresent(budget -> spec.add("\n.budget($L)", policyWriter.budget(budget)));
    method.policies().rateLimit().ifPresent(limit -> spec.add("\n.rateLimit($L)", policyWriter.rateLimit(limit)));
    method.policies().cascade().ifPresent(cascade -> spec.add("\n.cascade($L)", policyWriter.cascade(cascade)));
    method.policies().retry().ifPresent(retry -> retryOverrides(retry, spec));
    method.policies().timeout().ifPresent(timeout -> spec.add("\n.timeout($L)", PolicyWriter.duration(timeout)));
    if (!method.policies().fallbackModels().isEmpty()) {
      spec.add("\n.fallbackModels($L)", PolicyWriter.strings(method.policies().fallbackModels()));
    }
    return spec.add("\n.build()").unindent().unindent().build();
  }

  /** Only what {@code @Retry} writes: whatever it leaves out keeps the configured default. */
  private static void retryOverrides(RetryModel retry, CodeBlock.Builder spec) {
    retry.maxAttempts().ifPresent(maxAttempts -> spec.add("\n.maxAttempts($L)", maxAttempts));
    retry.backoff().ifPresent(backoff -> spec.add("\n.retryBackoff($L)", PolicyWriter.duration(backoff)));
    retry.maxBackoff().ifPresent(maxBackoff -> spec.add("\n.retryMaxBackoff($L)", PolicyWriter.duration(maxBackoff)));
  }

  /**
   * One constructor parameter per scorer class the service's cascades use, in the order they are first
   * used, named after the class: {@code ConfidenceScorer confidenceScorer}.
   */
  private static Map<ClassName, String> scorerParameters(ServiceModel service) {
    NameAllocator names = new NameAllocator();
    names.newName(RUNTIME_PARAMETER);
    Map<ClassName, String> parameters = new LinkedHashMap<>();
    for (MethodModel method : service.methods()) {
      method.policies().cascade().map(CascadeModel::scorer)
          .ifPresent(scorer -> parameters.computeIfAbsent(scorer, type -> names.newName(parameterName(type))));
    }
    return parameters;
  }

  /** {@code ConfidenceScorer} → {@code confidenceScorer}. */
  private static String parameterName(ClassName type) {
    String name = type.simpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static CodeBlock outputFormat(AnswerType answer) {
    if (answer instanceof AnswerType.Choice choice) {
      return CodeBlock.of("$T.choice($T.values())", OUTPUT_FORMAT, choice.enumType());
    }
    if (answer instanceof AnswerType.Structured structured) {
      return CodeBlock.of("$T.json($T.class, $S, $S)",
          OUTPUT_FORMAT, structured.type(), structured.schemaName(), structured.schemaJson());
    }
    if (answer instanceof AnswerType.Scalar scalar) {
      String factory = switch (scalar.kind()) {
        case BOOLEAN -> "bool";
        case INT -> "integer";
        case LONG -> "longInteger";
        case DOUBLE -> "decimal";
      };
      return CodeBlock.of("$T.$N()", OUTPUT_FORMAT, factory);
    }
    return CodeBlock.of("$T.text()", OUTPUT_FORMAT);
  }

  private MethodSpec implementation(MethodModel method, String boundName) {
    MethodSpec.Builder implementation = MethodSpec.methodBuilder(method.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(method.returnShape().declaredType());
    NameAllocator locals = new NameAllocator();
    for (ParameterModel parameter : method.parameters()) {
      implementation.addParameter(ParameterSpec.builder(parameter.type(), locals.newName(parameter.name())).build());
    }
    String prompt = locals.newName(method.parameters().stream().anyMatch(parameter -> parameter.name().equals("prompt"))
        ? "renderedPrompt"
        : "prompt");
    String renderingStarted = locals.newName("renderingStarted");
    CodeBlock user = method.userId().map(parameter -> CodeBlock.of("$N", parameter.name())).orElse(CodeBlock.of("null"));
    return implementation
        .addStatement("long $N = this.$N.startNanos()", renderingStarted, boundName)
        .addStatement("$T $N = $L", String.class, prompt, promptRenderer.render(method))
        .addStatement("return this.$N.$N($N, $N, $L)", boundName, entryPoint(method.returnShape()), renderingStarted,
            prompt, user)
        .build();
  }

  /** The {@code LlmMethod} method that returns what the interface method declares. */
  private static String entryPoint(ReturnShape shape) {
    return switch (shape.delivery()) {
      case VALUE -> "call";
      case RESULT -> "callForResult";
      case FUTURE -> "callAsync";
      case FUTURE_RESULT -> "callForResultAsync";
      case STREAM -> "stream";
    };
  }

  /** {@code classifyTicket} → {@code CLASSIFY_TICKET}. */
  private static String constantName(String methodName) {
    return methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
