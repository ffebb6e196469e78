package test;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.TokenStream;
import dev.llmgen.runtime.cascade.CascadePolicy;
import dev.llmgen.runtime.cascade.DecodesScorer;
import dev.llmgen.runtime.format.OutputFormat;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import javax.annotation.processing.Generated;

/**
 * The llmgen implementation of {@link Orders}.
 */
@Generated("dev.llmgen.processor.LlmProcessor")
public final class OrdersImpl implements Orders {
  private static final CallSpec<String> EXTRACT = CallSpec.builder("Orders.extract", "gpt-4o-mini", 300, OutputFormat.text())
      .cascade(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o"), 0.9, false))
      .build();

  private static final CallSpec<Orders.Priority> CLASSIFY = CallSpec.builder("Orders.classify", "gpt-4o-mini", 5, OutputFormat.choice(Orders.Priority.values()))
      .cascade(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5"), 0.8, true))
      .build();

  private static final CallSpec<Boolean> URGENT = CallSpec.builder("Orders.urgent", "gpt-4o-mini", 5, OutputFormat.bool())
      .cascade(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o"), 0.8, false))
      .build();

  private static final CallSpec<String> DRAFT = CallSpec.builder("Orders.draft", "claude-sonnet-4-5", 400, OutputFormat.text())
      .maxAttempts(5)
      .retryBackoff(Duration.ofMillis(200))
      .timeout(Duration.ofSeconds(20))
      .fallbackModels("gpt-4o", "gpt-4o-mini")
      .build();

  private static final CallSpec<String> REPLY = CallSpec.builder("Orders.reply", "gpt-4o-mini", 400, OutputFormat.text())
      .retryMaxBackoff(Duration.ofMinutes(1))
      .timeout(Duration.ofMinutes(2))
      .build();

  private static final CallSpec<String> SUMMARIZE = CallSpec.builder("Orders.summarize", "gpt-4o-mini", 400, OutputFormat.text())
      .maxAttempts(1)
      .fallbackModels("gpt-4o")
      .build();

  private final LlmMethod<String> extract;

  private final LlmMethod<Orders.Priority> classify;

  private final LlmMethod<Boolean> urgent;

  private final LlmMethod<String> draft;

  private final LlmMethod<String> reply;

  private final LlmMethod<String> summarize;

  @Inject
  public OrdersImpl(LlmRuntime runtime, CertaintyScorer certaintyScorer,
      DecodesScorer decodesScorer) {
    this.extract = runtime.bind(EXTRACT, certaintyScorer);
    this.classify = runtime.bind(CLASSIFY, decodesScorer);
    this.urgent = runtime.bind(URGENT, certaintyScorer);
    this.draft = runtime.bind(DRAFT);
    this.reply = runtime.bind(REPLY);
    this.summarize = runtime.bind(SUMMARIZE);
  }

  @Override
  public LlmResult<String> extract(String email) {
    long renderingStarted = this.extract.startNanos();
    String prompt = "Extract the order from: " + email;
    return this.extract.callForResult(renderingStarted, prompt, null);
  }

  @Override
  public Orders.Priority classify(String email) {
    long renderingStarted = this.classify.startNanos();
    String prompt = "Classify " + email;
    return this.classify.call(renderingStarted, prompt, null);
  }

  @Override
  public boolean urgent(String email) {
    long renderingStarted = this.urgent.startNanos();
    String prompt = "Is " + email + " urgent?";
    return this.urgent.call(renderingStarted, prompt, null);
  }

  @Override
  public String draft(String email, String customer) {
    long renderingStarted = this.draft.startNanos();
    String prompt = "Draft a reply to " + email;
    return this.draft.call(renderingStarted, prompt, customer);
  }

  @Override
  public Flow.Publisher<String> reply(String email, String customer) {
    long renderingStarted = this.reply.startNanos();
    String prompt = "Reply to " + email;
    return this.reply.stream(renderingStarted, prompt, customer);
  }

  @Override
  public TokenStream summarize(String email) {
    long renderingStarted = this.summarize.startNanos();
    String prompt = "Summarize " + email;
    return this.summarize.stream(renderingStarted, prompt, null);
  }
}
