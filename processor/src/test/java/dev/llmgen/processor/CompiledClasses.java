package dev.llmgen.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

  /** Calls {@code target}'s public method {@code name}, rethrowing what the method threw. */
  static Object invoke(Object target, String name, Object... arguments) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    throw new AssertionError(target.getClass() + " has no method " + name);
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
