package dev.llmgen.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;

/** Loads the classes of a successful compile-testing compilation, so generated code can be run. */
final class CompiledClasses extends ClassLoader {

  private final Compilation compilation;

  CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    this.compilation = compilation;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = "/" + name.replace('.', '/') + JavaFileObject.Kind.CLASS.extension;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
        try (InputStream in = file.openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new ClassNotFoundException(name);
  }

  <T> Class<T> load(String name) {
    try {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) loadClass(name);
      return type;
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the compilation produced no class " + name, e);
    }
  }
}
