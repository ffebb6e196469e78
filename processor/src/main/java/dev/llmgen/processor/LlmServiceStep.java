package dev.llmgen.processor;

import com.google.auto.common.BasicAnnotationProcessor.Step;
import com.google.auto.common.MoreElements;
import com.google.common.collect.ImmutableSetMultimap;
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
import dev.llmgen.processor.validation.UserIdValidator;
import dev.llmgen.processor.writer.ServiceWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Processes the elements annotated with {@code @LlmCall}, {@code @UserId} and the policies that sit
 * beside {@code @LlmCall}: each interface that declares {@code @LlmCall} methods is validated as a
 * whole, then written. A failure in one interface is reported on it and does not stop the others.
 */
final class LlmServiceStep implements Step {

  private final Messager messager;
  private final ServiceValidator serviceValidator;
  private final UserIdValidator userIdValidator = new UserIdValidator();
  private final ServiceWriter writer;

  LlmServiceStep(Messager messager, ServiceValidator serviceValidator, ServiceWriter writer) {
    this.messager = messager;
    this.serviceValidator = serviceValidator;
    this.writer = writer;
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
    DiagnosticReport misplaced = new DiagnosticReport();
    Set<TypeElement> services = new LinkedHashSet<>();
    for (Element method : elementsByAnnotation.get(LlmCall.class.getCanonicalName())) {
      Element enclosing = method.getEnclosingElement();
      if (enclosing.getKind() == ElementKind.INTERFACE) {
        services.add(MoreElements.asType(enclosing));
      } else {
        misplaced.report(Message.CALL_OUTSIDE_INTERFACE, method,
            MoreElements.getAnnotationMirror(method, LlmCall.class).get(), method.getSimpleName(),
            enclosing.getKind().toString().toLowerCase(), enclosing.getSimpleName());
      }
    }
    for (Element parameter : elementsByAnnotation.get(UserId.class.getCanonicalName())) {
      userIdValidator.validateEnclosingMethod(parameter, misplaced);
    }
    for (Class<? extends Annotation> policy : POLICIES) {
      for (Element method : elementsByAnnotation.get(policy.getCanonicalName())) {
        if (!MoreElements.isAnnotationPresent(method, LlmCall.class)) {
          misplaced.report(Message.POLICY_WITHOUT_CALL, method, MoreElements.getAnnotationMirror(method, policy).get(),
              policy.getSimpleName(), method.getSimpleName());
        }
      }
    }
    misplaced.printTo(messager);
    for (TypeElement service : services) {
      processService(service);
    }
    return Set.of();
  }

  private void processService(TypeElement service) {
    DiagnosticReport report = new DiagnosticReport();
    try {
      Optional<ServiceModel> model = serviceValidator.validate(service, report);
      report.printTo(messager);
      model.ifPresent(writer::write);
    } catch (RuntimeException e) {
      report.printTo(messager);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      DiagnosticReport failure = new DiagnosticReport();
      failure.report(Message.INTERNAL_ERROR, service, service.getQualifiedName(), trace);
      failure.printTo(messager);
    }
  }
}
