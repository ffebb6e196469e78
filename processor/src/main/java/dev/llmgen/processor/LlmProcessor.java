package dev.llmgen.processor;

import com.google.auto.common.BasicAnnotationProcessor;
import com.google.auto.service.AutoService;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.processor.diagnostics.Message;
import dev.llmgen.processor.validation.ServiceValidator;
import dev.llmgen.processor.writer.ServiceWriter;
import dev.llmgen.processor.writer.SourceFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;

/**
 * The llmgen annotation processor: for every interface with {@code @LlmCall} methods it validates the
 * interface, builds its model and, only if nothing is wrong, writes {@code FooImpl} and
 * {@code FooModule}.
 *
 * <p>Option {@value #MODEL_CATALOG_OPTION}: a CSV file of extra models, in the bundled catalog's
 * format, so that their names are not reported as unknown.
 */
@AutoService(Processor.class)
public final class LlmProcessor extends BasicAnnotationProcessor {

  static final String MODEL_CATALOG_OPTION = "llmgen.modelCatalog";

  @Override
  protected Iterable<? extends Step> steps() {
    ServiceValidator validator = new ServiceValidator(
        processingEnv.getTypeUtils(), processingEnv.getElementUtils(), modelCatalog());
    SourceFiles files = new SourceFiles(
        processingEnv.getFiler(), processingEnv.getElementUtils(), processingEnv.getSourceVersion(),
        LlmProcessor.class.getName());
    return List.of(new LlmServiceStep(
        processingEnv.getMessager(), validator, new ServiceWriter(files), processingEnv.getElementUtils()));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(MODEL_CATALOG_OPTION);
  }

  /** The bundled catalog, with the user's catalog from the processor option merged in. */
  private ModelCatalog modelCatalog() {
    ModelCatalog bundled = ModelCatalog.bundled();
    String extra = processingEnv.getOptions().get(MODEL_CATALOG_OPTION);
    if (extra == null || extra.isBlank()) {
      return bundled;
    }
    try (Reader reader = Files.newBufferedReader(Path.of(extra), StandardCharsets.UTF_8)) {
      return bundled.with(ModelCatalog.parse(reader, extra));
    } catch (IOException | IllegalArgumentException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.CATALOG_OPTION.format(e.toString()));
      return bundled;
    }
  }
}
