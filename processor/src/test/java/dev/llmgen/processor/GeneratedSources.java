package dev.llmgen.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.StandardLocation;

/** The sources a compilation generated, and the golden files they are compared with. */
final class GeneratedSources {

  private GeneratedSources() {}

  /** The generated source at {@code path}, e.g. {@code test/GreeterImpl.java}. */
  static String sourceOf(Compilation compilation, String path) throws IOException {
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, path).orElseThrow()
        .getCharContent(false).toString();
  }

  /** The golden file {@code name}, from {@code src/test/resources/golden}. */
  static String golden(String name) throws IOException {
    try (InputStream in = GeneratedSources.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
