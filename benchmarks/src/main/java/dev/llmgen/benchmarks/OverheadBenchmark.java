package dev.llmgen.benchmarks;

import com.google.inject.Injector;
import dev.langchain4j.service.AiServices;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.format.OutputFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * What a framework costs per call when the model answers at once: the same question through llmgen's
 * generated implementation, through llmgen's runtime called by hand, and through LangChain4j's AI Services.
 */
public class OverheadBenchmark extends InstantModelBenchmark {

  private Assistant generated;
  private LlmMethod<String> handWritten;
  private LangChain4jAssistant langChain4j;

  @Setup
  public void setUp() {
    Injector injector = AssistantInjectors.instant();
    generated = injector.getInstance(Assistant.class);
    handWritten = injector.getInstance(LlmRuntime.class)
        .bind(CallSpec.builder("HandWritten.answer", Dialogue.MODEL, 50, OutputFormat.text()).build());
    langChain4j = AiServices.create(LangChain4jAssistant.class, new InstantChatModel());
    // Each contender must get the answer, or it is measuring something else.
    Dialogue.expectAnswer("generated", generated());
    Dialogue.expectAnswer("handWritten", handWritten());
    Dialogue.expectAnswer("langChain4jAiServices", langChain4jAiServices());
  }

  @Benchmark
  public String generated() {
    return generated.answer(question, user);
  }

  @Benchmark
  public String handWritten() {
    return handWritten.call("Answer briefly: " + question, user);
  }

  @Benchmark
  public String langChain4jAiServices() {
    return langChain4j.answer(question);
  }
}
