package dev.llmgen.processor.writer;

import dev.llmgen.processor.model.ServiceModel;

/** Writes the files of one validated service: its implementation and its Guice module. */
public final class ServiceWriter {

  private final SourceFiles files;
  private final ImplementationWriter implementationWriter = new ImplementationWriter();
  private final ModuleWriter moduleWriter = new ModuleWriter();

  public ServiceWriter(SourceFiles files) {
    this.files = files;
  }

  public void write(ServiceModel service) {
    String packageName = service.interfaceName().packageName();
    files.write(packageName, implementationWriter.write(service), service.element());
    files.write(packageName, moduleWriter.write(service), service.element());
  }
}
