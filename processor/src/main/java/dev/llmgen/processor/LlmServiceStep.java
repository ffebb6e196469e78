package dev.llmgen.processor;

import com.google.auto.common.BasicAnnotationProcessor.Step;
import com.google.auto.common.MoreElements;
import com.google.common.collect.ImmutableSetMultimap;
import com.palantir.javapoet.ClassName;
import dev.llmgen.annotations.Budget;
import dev.llmgen.annotations.Cached;
import dev.llmgen.annotations.Cascade;
import dev.llmgen.annotations.Fallback;
import dev.llmgen.annotations.LlmCall;
import dev.llmgen.annotations.RateLimited;
import dev.llmgen.annotations.Retry;
import dev.llmgen.annotations.Timeout;
import dev.llmgen.annotations.UserId;
import dev.llmgen.processor.diagnostics.DiagnosticReport;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.model.ServiceModel;
import dev.llmgen.processor.validation.ServiceValidator;
import dev.llmgen.processor.validation.ServiceValidator.TypeNotGeneratedException;
import dev.llmgen.processor.validation.UserIdValidator;
import dev.llmgen.processor.writer.ServiceWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Processes the elements annotated with {@code @LlmCall}, {@code @UserId} and the policies that sit
 * beside {@code @LlmCall}: each interface that declares {@code @LlmCall} methods is validated as a
 * whole, then written. A failure in one interface is reported on it and does not stop the others; an
 * interface that needs a type another processor has yet to generate waits for the next round.
 */
final class LlmServiceStep implements Step {

  private final Messager messager;
  private final ServiceValidator serviceValidator;
  private final UserIdValidator userIdValidator = new UserIdValidator();
  private final ServiceWriter writer;
  private final Elements elements;

  LlmServiceStep(Messager messager, ServiceValidator serviceValidator, ServiceWriter writer, Elements elements) {
    this.messager = messager;
    this.serviceValidator = serviceValidator;
    this.writer = writer;
    this.elements = elements;
  }

  private static final List<Class<? extends Annotation>> POLICIES = List.of(
      Cached.class, Budget.class, RateLimited.class, Cascade.class, Retry.class, Timeout.class, Fallback.class);

  @Override
  public Set<String> annotations() {
    Set<String> names = new LinkedHashSet<>(List.of(LlmCall.class.getCanonicalName(), UserId.class.getCanonicalName()));
    POLICIES.forEach(policy -> names.add(policy.getCanonicalName()));
    return names;
  }

  @Override
  public Set<? extends Element> process(ImmutableSetMultimap<String, Element> elementsByAnnotation) {
    // One report for the round, so that a method inherited by several interfaces is reported once.
    DiagnosticReport round = new DiagnosticReport();
    Set<TypeElement> services = new LinkedHashSet<>();
    for (Element method : elementsByAnnotation.get(LlmCall.class.getCanonicalName())) {
      Element enclosing = method.getEnclosingElement();
      if (enclosing.getKind() == ElementKind.INTERFACE) {
        services.add(MoreElements.asType(enclosing));
      } else {
        round.report(Message.CALL_OUTSIDE_INTERFACE, method,
            MoreElements.getAnnotationMirror(method, LlmCall.class).get(), method.getSimpleName(),
            enclosing.getKind().toString().toLowerCase(), enclosing.getSimpleName());
      }
    }
    for (Element parameter : elementsByAnnotation.get(UserId.class.getCanonicalName())) {
      userIdValidator.validateEnclosingMethod(parameter, round);
    }
    for (Class<? extends Annotation> policy : POLICIES) {
      for (Element method : elementsByAnnotation.get(policy.getCanonicalName())) {
        if (!MoreElements.isAnnotationPresent(method, LlmCall.class)) {
          round.report(Message.POLICY_WITHOUT_CALL, method, MoreElements.getAnnotationMirror(method, policy).get(),
              policy.getSimpleName(), method.getSimpleName());
        }
      }
    }
    Set<Element> deferred = new LinkedHashSet<>();
    for (TypeElement service : services) {
      if (!processService(service, round)) {
        elementsByAnnotation.get(LlmCall.class.getCanonicalName()).stream()
            .filter(method -> method.getEnclosingElement().equals(service))
            .forEach(deferred::add);
      }
    }
    round.printTo(messager);
    return deferred;
  }

  /**
   * Validates and writes {@code service}, adding its messages to {@code round}; false, with no message,
   * when a type it needs is still to be generated, so that it is processed again in the next round.
   */
  private boolean processService(TypeElement service, DiagnosticReport round) {
    DiagnosticReport report = new DiagnosticReport();
    try {
      serviceValidator.validate(service, report).ifPresent(model -> write(model, report));
    } catch (TypeNotGeneratedException e) {
      return false;
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report.report(Message.INTERNAL_ERROR, service, service.getQualifiedName(), trace);
    }
    round.addAll(report);
    return true;
  }

  /** Writes the service's files; a name that is already taken is the user's to fix, not a bug. */
  private void write(ServiceModel model, DiagnosticReport report) {
    try {
      writer.write(model);
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof FilerException)) {
        throw e;
      }
      report.report(Message.GENERATED_NAME_TAKEN, model.element(), takenName(model), model.interfaceName());
    }
  }

  /** Which generated name clashes: a type the compiler already knows, else either. */
  private String takenName(ServiceModel model) {
    return Stream.of(model.implementationName(), model.moduleName())
        .map(ClassName::canonicalName)
        .filter(name -> elements.getTypeElement(name) != null)
        .findFirst()
        .orElse(model.implementationName() + " or " + model.moduleName());
  }
}
