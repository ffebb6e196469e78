package dev.llmgen.processor.validation;

import com.google.auto.common.MoreElements;
import dev.llmgen.processor.diagnostics.Message;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a {@code @Cascade} scorer class can be what the generated implementation asks Guice for:
 * a class the implementation can name, that Guice can construct without a binding (Guice 7's rules
 * for just-in-time bindings).
 */
final class ScorerClasses {

  /** Why a class cannot be a scorer: a message and its arguments. */
  record Refusal(Message message, List<Object> arguments) {
    static Refusal of(Message message, Object... arguments) {
      return new Refusal(message, List.of(arguments));
    }
  }

  /** The constructor annotations Guice 7 honours; it ignores {@code javax.inject.Inject}. */
  private static final Set<String> INJECT = Set.of("jakarta.inject.Inject", "com.google.inject.Inject");
  private static final String JAVAX_INJECT = "javax.inject.Inject";
  /** Annotations that make Guice construct another class in place of an abstract one. */
  private static final Set<String> REDIRECTS = Set.of("com.google.inject.ImplementedBy", "com.google.inject.ProvidedBy");

  private final Elements elements;

  ScorerClasses(Elements elements) {
    this.elements = elements;
  }

  /**
   * Why {@code scorer} cannot be asked for by code generated in {@code generatedPackage}, or empty
   * when it can.
   */
  Optional<Refusal> refusal(TypeElement scorer, PackageElement generatedPackage) {
    String name = scorer.getQualifiedName().toString();
    if (!accessible(scorer, generatedPackage)) {
      return Optional.of(Refusal.of(Message.SCORER_INACCESSIBLE, name, generatedPackage.getQualifiedName()));
    }
    if (scorer.getNestingKind() == NestingKind.MEMBER && !scorer.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(Refusal.of(
          Message.SCORER_INNER_CLASS, name, MoreElements.asType(scorer.getEnclosingElement()).getQualifiedName()));
    }
    boolean isInterface = scorer.getKind().isInterface();
    if (isInterface || scorer.getModifiers().contains(Modifier.ABSTRACT)) {
      return hasAnnotation(scorer, REDIRECTS)
          ? Optional.empty()
          : Optional.of(Refusal.of(Message.SCORER_ABSTRACT, name, isInterface ? "an interface" : "an abstract class"));
    }
    return constructorRefusal(scorer, name);
  }

  /** Guice uses the one constructor annotated {@code @Inject}, else a non-private one without parameters. */
  private static Optional<Refusal> constructorRefusal(TypeElement scorer, String name) {
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(scorer.getEnclosedElements());
    long injected = constructors.stream().filter(constructor -> hasAnnotation(constructor, INJECT)).count();
    if (injected > 1) {
      return Optional.of(Refusal.of(Message.SCORER_INJECT_CONSTRUCTORS, name, injected));
    }
    if (injected == 1) {
      return Optional.empty();
    }
    if (constructors.stream().anyMatch(constructor -> hasAnnotation(constructor, Set.of(JAVAX_INJECT)))) {
      return Optional.of(Refusal.of(Message.SCORER_JAVAX_INJECT, name));
    }
    boolean noArguments = constructors.stream().anyMatch(constructor ->
        constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE));
    return noArguments ? Optional.empty() : Optional.of(Refusal.of(Message.SCORER_CONSTRUCTOR, name));
  }

  /** Whether code in {@code from} can name {@code type}: it and every class it is nested in. */
  private boolean accessible(TypeElement type, PackageElement from) {
    boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(from.getQualifiedName());
    for (Element element = type; isType(element); element = element.getEnclosingElement()) {
      Set<Modifier> modifiers = element.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE) || (!modifiers.contains(Modifier.PUBLIC) && !samePackage)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isType(Element element) {
    ElementKind kind = element.getKind();
    return kind.isClass() || kind.isInterface();
  }

  private static boolean hasAnnotation(Element element, Set<String> names) {
    return element.getAnnotationMirrors().stream().anyMatch(annotation ->
        names.contains(MoreElements.asType(annotation.getAnnotationType().asElement()).getQualifiedName().toString()));
  }
}
