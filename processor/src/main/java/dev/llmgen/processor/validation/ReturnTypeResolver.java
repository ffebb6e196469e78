package dev.llmgen.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.llmgen.processor.model.AnswerType.ScalarKind;
import dev.llmgen.processor.model.AnswerType;
import dev.llmgen.processor.model.ReturnShape.Delivery;
import dev.llmgen.processor.model.ReturnShape;
import dev.llmgen.processor.validation.JsonSchemaBuilder.UnsupportedTypeException;
import dev.llmgen.processor.validation.ServiceValidator.TypeNotGeneratedException;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Works out what a method's return type asks of the model, or why llmgen cannot return it. */
final class ReturnTypeResolver {

  static final String LLM_RESULT = "dev.llmgen.runtime.LlmResult";
  static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  static final String FLOW_PUBLISHER = "java.util.concurrent.Flow.Publisher";
  static final String TOKEN_STREAM = "dev.llmgen.runtime.TokenStream";

  private static final Map<String, ScalarKind> SCALARS = Map.of(
      "java.lang.Boolean", ScalarKind.BOOLEAN,
      "java.lang.Integer", ScalarKind.INT,
      "java.lang.Long", ScalarKind.LONG,
      "java.lang.Double", ScalarKind.DOUBLE);

  /** Why a return type is not supported, said as the end of a sentence about it. */
  static final class UnsupportedReturnException extends Exception {
    UnsupportedReturnException(String reason) {
      super(reason);
    }
  }

  private final Types types;
  private final Elements elements;

  ReturnTypeResolver(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  ReturnShape resolve(TypeMirror returnType) throws UnsupportedReturnException {
    TypeName declaredType = TypeName.get(returnType);
    if (isStream(returnType)) {
      return new ReturnShape(declaredType, new AnswerType.Text(), Delivery.STREAM);
    }
    TypeMirror answer = returnType;
    boolean async = false;
    boolean withResult = false;
    if (isGeneric(answer, COMPLETABLE_FUTURE)) {
      async = true;
      answer = typeArgument(answer);
    }
    if (isGeneric(answer, LLM_RESULT)) {
      withResult = true;
      answer = typeArgument(answer);
    }
    Delivery delivery = async
        ? (withResult ? Delivery.FUTURE_RESULT : Delivery.FUTURE)
        : (withResult ? Delivery.RESULT : Delivery.VALUE);
    return new ReturnShape(declaredType, answerType(answer), delivery);
  }

  /** {@code TokenStream} or {@code Flow.Publisher<String>}: a stream carries the text as the model writes it. */
  private static boolean isStream(TypeMirror type) throws UnsupportedReturnException {
    if (isNamed(type, TOKEN_STREAM)) {
      return true;
    }
    if (!isGeneric(type, FLOW_PUBLISHER)) {
      return false;
    }
    if (!isNamed(typeArgument(type), "java.lang.String")) {
      throw new UnsupportedReturnException(": a stream publishes the answer's text as the model writes it, so it"
          + " is Flow.Publisher<String>; to receive a decoded answer, return it without a stream");
    }
    return true;
  }

  private AnswerType answerType(TypeMirror type) throws UnsupportedReturnException {
    switch (type.getKind()) {
      case BOOLEAN:
        return new AnswerType.Scalar(ScalarKind.BOOLEAN);
      case INT:
        return new AnswerType.Scalar(ScalarKind.INT);
      case LONG:
        return new AnswerType.Scalar(ScalarKind.LONG);
      case DOUBLE:
        return new AnswerType.Scalar(ScalarKind.DOUBLE);
      case DECLARED:
        return declaredAnswerType((DeclaredType) type);
      case ERROR:
        throw new TypeNotGeneratedException(type);
      default:
        throw new UnsupportedReturnException("");
    }
  }

  private AnswerType declaredAnswerType(DeclaredType type) throws UnsupportedReturnException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.String")) {
      return new AnswerType.Text();
    }
    if (SCALARS.containsKey(name)) {
      return new AnswerType.Scalar(SCALARS.get(name));
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new AnswerType.Choice(ClassName.get(element));
    }
    if (name.equals(LLM_RESULT) || name.equals(COMPLETABLE_FUTURE)) {
      throw new UnsupportedReturnException(
          ": LlmResult may only be wrapped in CompletableFuture, once, as CompletableFuture<LlmResult<T>>");
    }
    if (name.equals(FLOW_PUBLISHER) || name.equals(TOKEN_STREAM)) {
      throw new UnsupportedReturnException(": a stream is returned as it is, not wrapped; once it ends,"
          + " TokenStream.result() gives its LlmResult");
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      throw new UnsupportedReturnException("");
    }
    try {
      String schema = new JsonSchemaBuilder(types, elements).schemaJson(type);
      return new AnswerType.Structured(ClassName.get(element), schemaName(element), schema);
    } catch (UnsupportedTypeException e) {
      throw new UnsupportedReturnException(" as structured output: " + e.getMessage());
    }
  }

  /** The schema's name as OpenAI accepts it: letters, digits, {@code _} and {@code -}, at most 64. */
  private static String schemaName(TypeElement element) {
    String name = element.getSimpleName().toString().replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  private static boolean isGeneric(TypeMirror type, String qualifiedName) {
    return isNamed(type, qualifiedName) && ((DeclaredType) type).getTypeArguments().size() == 1;
  }

  private static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  private static TypeMirror typeArgument(TypeMirror type) throws UnsupportedReturnException {
    TypeMirror argument = ((DeclaredType) type).getTypeArguments().get(0);
    if (argument.getKind() != TypeKind.DECLARED) {
      throw new UnsupportedReturnException(": name a concrete type argument, e.g. LlmResult<String>");
    }
    return argument;
  }
}
