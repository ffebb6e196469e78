package dev.llmgen.processor.diagnostics;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Messages collected while validating, printed together at the most precise place the
 * compiler offers: the annotation value if there is one, else the annotation, else the element. A
 * message reported twice at the same place, as for a method that several interfaces inherit, is kept
 * once.
 */
public final class DiagnosticReport {

  private record Entry(
      Message message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final Set<Entry> entries = new LinkedHashSet<>();

  public void report(Message message, Element element, Object... arguments) {
    entries.add(new Entry(message, message.format(arguments), element, null, null));
  }

  public void report(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
    entries.add(new Entry(message, message.format(arguments), element, annotation, null));
  }

  public void report(
      Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... arguments) {
    entries.add(new Entry(message, message.format(arguments), element, annotation, value));
  }

  /** Adds everything {@code other} collected, in order, except what this report already holds. */
  public void addAll(DiagnosticReport other) {
    entries.addAll(other.entries);
  }

  public boolean hasErrors() {
    return entries.stream().anyMatch(entry -> entry.message.kind() == Kind.ERROR);
  }

  public void printTo(Messager messager) {
    for (Entry entry : entries) {
      if (entry.value != null) {
        messager.printMessage(entry.message.kind(), entry.text, entry.element, entry.annotation, entry.value);
      } else if (entry.annotation != null) {
        messager.printMessage(entry.message.kind(), entry.text, entry.element, entry.annotation);
      } else {
        messager.printMessage(entry.message.kind(), entry.text, entry.element);
      }
    }
  }
}
