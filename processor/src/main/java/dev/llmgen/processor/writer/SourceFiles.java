package dev.llmgen.processor.writer;

import com.google.auto.common.GeneratedAnnotations;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Writes every generated file, the same way: {@code @Generated} naming the processor, the originating
 * element (for incremental builds), no {@code java.lang} imports, two-space indentation.
 */
public final class SourceFiles {

  private final Filer filer;
  private final Optional<AnnotationSpec> generated;

  public SourceFiles(Filer filer, Elements elements, SourceVersion sourceVersion, String processorName) {
    this.filer = filer;
    this.generated = GeneratedAnnotations.generatedAnnotation(elements, sourceVersion)
        .map(annotation -> AnnotationSpec.builder(ClassName.get(annotation))
            .addMember("value", "$S", processorName)
            .build());
  }

  public void write(String packageName, TypeSpec.Builder type, Element originatingElement) {
    generated.ifPresent(type::addAnnotation);
    type.addOriginatingElement(originatingElement);
    JavaFile file = JavaFile.builder(packageName, type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + packageName + "." + type.build().name(), e);
    }
  }
}
