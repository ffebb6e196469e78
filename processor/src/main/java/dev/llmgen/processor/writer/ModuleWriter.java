package dev.llmgen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.llmgen.processor.model.ServiceModel;
import javax.lang.model.element.Modifier;

/** Writes {@code FooModule}: the Guice module that binds {@code Foo} to {@code FooImpl} as a singleton. */
final class ModuleWriter {

  private static final ClassName ABSTRACT_MODULE = ClassName.get("com.google.inject", "AbstractModule");
  private static final ClassName SINGLETON = ClassName.get("jakarta.inject", "Singleton");

  TypeSpec.Builder write(ServiceModel service) {
    return TypeSpec.classBuilder(service.moduleName())
        .addJavadoc("Binds {@link $T} to its generated implementation. Install it next to\n"
            + "{@code LlmRuntimeModule}.\n", service.interfaceName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ABSTRACT_MODULE)
        .addMethod(MethodSpec.methodBuilder("configure")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .addStatement("bind($T.class).to($T.class).in($T.class)",
                service.interfaceName(), service.implementationName(), SINGLETON)
            .build());
  }
}
