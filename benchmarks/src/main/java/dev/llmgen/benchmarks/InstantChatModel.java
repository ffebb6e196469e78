package dev.llmgen.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/** {@link InstantProvider} for LangChain4j: the same answer and token counts, at once. */
final class InstantChatModel implements ChatModel {

  private final ChatResponse response = ChatResponse.builder()
      .aiMessage(AiMessage.from(Dialogue.ANSWER))
      .modelName(Dialogue.MODEL)
      .tokenUsage(new TokenUsage(Dialogue.INPUT_TOKENS, Dialogue.OUTPUT_TOKENS))
      .finishReason(FinishReason.STOP)
      .build();

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return response;
  }
}
