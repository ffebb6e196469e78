package dev.llmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.tools.JavaFileObject;
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
  void aPropertyTypeGeneratedInALaterRoundIsDescribedOnceItExists() {
    Compilation compilation = javac()
        .withProcessors(new LlmProcessor(), new ClassGenerator("test.Later",
            "package test; public record Later(int count) {}"))
        .compile(
            JavaFileObjects.forSourceString("test.Wrapper", """
                package test;

                public record Wrapper(String name, Later later) {}
                """),
            JavaFileObjects.forSourceString("test.Bot", """
                package test;

                import dev.llmgen.annotations.LlmCall;

                public interface Bot {
                  @LlmCall(model = "gpt-4o-mini", maxTokens = 50, prompt = "Describe {person}")
                  Wrapper describe(String person);
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BotImpl").contentsAsUtf8String()
        .contains("\\\"later\\\":{\\\"type\\\":\\\"object\\\",\\\"properties\\\":"
            + "{\\\"count\\\":{\\\"type\\\":\\\"integer\\\"}}");
  }

  @Test
  void aPropertyTypeThatIsNeverGeneratedIsLeftToTheCompilerToReport() {
    JavaFileObject bot = JavaFileObjects.forSourceString("test.Bot", """
        package test;

        import dev.llmgen.annotations.LlmCall;

        public interface Bot {
          @LlmCall(model = "gpt-4o-mini", maxTokens = 50, prompt = "Describe {person}")
          Wrapper describe(String person);
        }
        """);
    JavaFileObject wrapper = JavaFileObjects.forSourceString("test.Wrapper", """
        package test;

        public record Wrapper(String name, Later later) {}
        """);

    Compilation compilation = javac().withProcessors(new LlmProcessor()).compile(wrapper, bot);

    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(wrapper).onLineContaining("Later later");
    assertTrue(compilation.errors().stream()
        .noneMatch(error -> error.getMessage(null).startsWith("[LlmUnsupportedReturnType]")));
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

  @Test
  void aScorerWhoseSuperclassIsGeneratedInALaterRoundIsCheckedOnceItExists() {
    Compilation compilation = javac()
        .withProcessors(new LlmProcessor(), new ClassGenerator("test.GeneratedBase", """
            package test;
            public abstract class GeneratedBase implements dev.llmgen.runtime.cascade.AnswerScorer {}
            """))
        .compile(JavaFileObjects.forSourceString("test.Bot", """
            package test;

            import dev.llmgen.annotations.Cascade;
            import dev.llmgen.annotations.LlmCall;

            public interface Bot {
              @LlmCall(maxTokens = 50, prompt = "Describe {person}")
              @Cascade(models = {"gpt-4o-mini", "gpt-4o"}, scorer = Judge.class)
              String describe(String person);
            }
            """), JavaFileObjects.forSourceString("test.Judge", """
            package test;

            public final class Judge extends GeneratedBase {
              public java.util.concurrent.CompletionStage<dev.llmgen.runtime.cascade.Score> score(
                  dev.llmgen.runtime.cascade.Candidate<?> candidate) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                    dev.llmgen.runtime.cascade.Score.of(1, "judged"));
              }
            }
            """));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BotImpl").contentsAsUtf8String()
        .contains("runtime.bind(DESCRIBE, judge)");
  }
}
