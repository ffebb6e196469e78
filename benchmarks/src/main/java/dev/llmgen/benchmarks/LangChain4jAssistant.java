package dev.llmgen.benchmarks;

import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** {@link Assistant#answer}, as LangChain4j's AI Services write it. */
public interface LangChain4jAssistant {

  @UserMessage("Answer briefly: {{question}}")
  String answer(@V("question") String question);
}
