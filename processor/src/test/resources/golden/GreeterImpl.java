package test;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.format.OutputFormat;
import jakarta.inject.Inject;
import javax.annotation.processing.Generated;

/**
 * The llmgen implementation of {@link Greeter}.
 */
@Generated("dev.llmgen.processor.LlmProcessor")
public final class GreeterImpl implements Greeter {
  private static final CallSpec<String> GREET = CallSpec.builder("Greeter.greet", "gpt-4o-mini", 20, OutputFormat.text())
      .build();

  private final LlmMethod<String> greet;

  @Inject
  public GreeterImpl(LlmRuntime runtime) {
    this.greet = runtime.bind(GREET);
  }

  @Override
  public String greet(String name) {
    long renderingStarted = this.greet.startNanos();
    String prompt = "Greet " + name;
    return this.greet.call(renderingStarted, prompt, null);
  }
}
