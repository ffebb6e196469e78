package dev.llmgen.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One annotated interface, validated: everything the writers need and nothing they must check.
 *
 * @param element the interface, the originating element of every generated file
 * @param interfaceName the interface
 * @param implementationName the class that implements it, e.g. {@code SupportBotImpl}
 * @param moduleName the Guice module that binds it, e.g. {@code SupportBotModule}
 * @param methods its {@code @LlmCall} methods, in declaration order
 */
public record ServiceModel(
    TypeElement element,
    ClassName interfaceName,
    ClassName implementationName,
    ClassName moduleName,
    List<MethodModel> methods) {

  public ServiceModel {
    methods = List.copyOf(methods);
  }
}
