package dev.llmgen.processor.validation;

import com.google.auto.common.AnnotationMirrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Reads annotation values, telling apart values written in the source from defaults. */
final class AnnotationValues {

  private AnnotationValues() {}

  /** The value of {@code name}, written or default. */
  static AnnotationValue value(AnnotationMirror annotation, String name) {
    return AnnotationMirrors.getAnnotationValue(annotation, name);
  }

  /** The value of {@code name} if the source writes it. */
  static Optional<AnnotationValue> written(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The elements of the array attribute {@code name}, written or default. */
  @SuppressWarnings("unchecked")
  static List<? extends AnnotationValue> elements(AnnotationMirror annotation, String name) {
    return (List<? extends AnnotationValue>) value(annotation, name).getValue();
  }

  static String string(AnnotationMirror annotation, String name) {
    return (String) value(annotation, name).getValue();
  }
}
