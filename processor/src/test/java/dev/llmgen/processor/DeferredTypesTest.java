package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** A return type that another processor generates is waited for, not reported as unsupported. */
class DeferredTypesTest {

  /** Writes {@code test.Facts} in the first round, as a code generator would. */
  static final class FactsGenerator extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.Facts").openWriter()) {
          writer.write("package test; public record Facts(String name, int age) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aReturnTypeGeneratedInALaterRoundIsDescribedOnceItExists() {
    Compilation compilation = javac()
        .withProcessors(new LlmProcessor(), new FactsGenerator())
        .compile(JavaFileObjects.forSourceString("test.Bot", """
            package test;

            import dev.llmgen.annotations.LlmCall;

            public interface Bot {
              @LlmCall(model = "gpt-4o-mini", maxTokens = 50, prompt = "Describe {person}")
              Facts describe(String person);
            }
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BotImpl").contentsAsUtf8String()
        .contains("\\\"name\\\":{\\\"type\\\":\\\"string\\\"},\\\"age\\\":{\\\"type\\\":\\\"integer\\\"}");
  }
}
