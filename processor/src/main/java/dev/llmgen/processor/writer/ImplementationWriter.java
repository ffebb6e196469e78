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
import dev.llmgen.processor.model.MethodModel;
import dev.llmgen.processor.model.ParameterModel;
import dev.llmgen.processor.model.ReturnShape;
import dev.llmgen.processor.model.ServiceModel;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooImpl}: one {@code static final CallSpec} per method built from literals, one
 * {@code LlmMethod} per method bound in the constructor, and method bodies that only render the
 * prompt and hand it over.
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
      constructor.addStatement("this.$N = $N.bind($N)", boundName, RUNTIME_PARAMETER, specName);
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
    return spec.add("\n.build()").unindent().unindent().build();
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
    CodeBlock user = method.userId().map(parameter -> CodeBlock.of("$N", parameter.name())).orElse(CodeBlock.of("null"));
    return implementation
        .addStatement("$T $N = $L", String.class, prompt, promptRenderer.render(method))
        .addStatement("return this.$N.$N($N, $L)", boundName, entryPoint(method.returnShape()), prompt, user)
        .build();
  }

  /** The {@code LlmMethod} method that returns what the interface method declares. */
  private static String entryPoint(ReturnShape shape) {
    if (shape.async()) {
      return shape.withResult() ? "callForResultAsync" : "callAsync";
    }
    return shape.withResult() ? "callForResult" : "call";
  }

  /** {@code classifyTicket} → {@code CLASSIFY_TICKET}. */
  private static String constantName(String methodName) {
    return methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
