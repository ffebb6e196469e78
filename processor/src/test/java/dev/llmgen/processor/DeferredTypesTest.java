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

/** A type that another processor generates is waited for, not reported as unsupported. */
class DeferredTypesTest {

  /** Writes one class in the first round, as a code generator would. */
  static final class ClassGenerator extends AbstractProcessor {
    private final String name;
    private final String source;
    private boolean written;

    ClassGenerator(String name, String source) {
      this.name = name;
      this.source = source;
    }

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
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          writer.write(source);
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
        .withProcessors(new LlmProcessor(), new ClassGenerator("test.Facts",
            "package test; public record Facts(String name, int age) {}"))
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

  @Test
  void aScorerGeneratedInALaterRoundIsCheckedOnceItExists() {
    Compilation compilation = javac()
        .withProcessors(new LlmProcessor(), new ClassGenerator("test.GeneratedScorer", """
            package test;
            public final class GeneratedScorer implements dev.llmgen.runtime.cascade.AnswerScorer {
              public java.util.concurrent.CompletionStage<dev.llmgen.runtime.cascade.Score> score(
                  dev.llmgen.runtime.cascade.Candidate<?> candidate) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                    dev.llmgen.runtime.cascade.Score.of(1, "generated"));
              }
            }
            """))
        .compile(JavaFileObjects.forSourceString("test.Bot", """
            package test;

            import dev.llmgen.annotations.Cascade;
            import dev.llmgen.annotations.LlmCall;

            public interface Bot {
              @LlmCall(maxTokens = 50, prompt = "Describe {person}")
              @Cascade(models = {"gpt-4o-mini", "gpt-4o"}, scorer = GeneratedScorer.class)
              String describe(String person);
            }
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BotImpl").contentsAsUtf8String()
        .contains("runtime.bind(DESCRIBE, generatedScorer)");
  }
}
