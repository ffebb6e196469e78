package dev.llmgen.runtime.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.e2e.ScriptedServer.Reply;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.provider.openai.FakeOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chat Completions replies in the shapes of OpenAI's API reference and of the recordings in
 * {@code src/test/resources/openai/}, with the fields llmgen does not read left in, as the API sends them.
 */
final class OpenAiReplies {

  /** One token of an answer with its log-probability, as {@code choices[0].logprobs.content[]} lists it. */
  record Token(String text, double logprob) {}

  private OpenAiReplies() {}

  /** A 200 completion of {@code text}, without log-probabilities. */
  static Reply answer(String model, String text, int promptTokens, int completionTokens) {
    return completion(model, text, promptTokens, completionTokens, NullNode.getInstance());
  }

  /** A 200 completion of {@code tokens}, each with its log-probability, one completion token each. */
  static Reply answer(String model, List<Token> tokens, int promptTokens) {
    ObjectNode logprobs = Json.MAPPER.createObjectNode();
    ArrayNode content = logprobs.putArray("content");
    for (Token token : tokens) {
      ObjectNode entry = content.addObject().put("token", token.text()).put("logprob", token.logprob());
      ArrayNode bytes = entry.putArray("bytes");
      for (byte b : token.text().getBytes(StandardCharsets.UTF_8)) {
        bytes.add(b & 0xff);
      }
      entry.putArray("top_logprobs");
    }
    logprobs.putNull("refusal");
    String text = tokens.stream().map(Token::text).collect(Collectors.joining());
    return completion(model, text, promptTokens, tokens.size(), logprobs);
  }

  /** An error response recorded in {@code src/test/resources/openai/}, e.g. {@code error-429-rate-limit.json}. */
  static Reply error(int status, String fixture) {
    return Reply.json(status, FakeOpenAiServer.readFixture(fixture));
  }

  /**
   * The recorded stream of {@code stream-chat-completion.txt}, event by event: gpt-4o-mini writes "Your order
   * ships within two business days." in eight pieces, then a usage chunk (1219 prompt tokens, 1024 of them
   * cached, and 8 completion tokens) as {@code stream_options.include_usage} asks, then {@code [DONE]}.
   */
  static Reply recordedStream() {
    return Reply.events(Arrays.stream(FakeOpenAiServer.readFixture("stream-chat-completion.txt").split("\n\n"))
        .filter(event -> !event.isBlank())
        .map(event -> event.strip() + "\n\n")
        .toList());
  }

  /** One {@code data:} event of a stream, a chunk carrying {@code content}. */
  static String chunk(String model, String content) {
    ObjectNode chunk = Json.MAPPER.createObjectNode()
        .put("id", "chatcmpl-BSr3k2ZKgZ8Yw9wQ0uQ3Lrq0bY1Xa").put("object", "chat.completion.chunk")
        .put("created", 1746022340).put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta").put("content", content);
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    chunk.putNull("usage");
    return "data: " + chunk + "\n\n";
  }

  private static Reply completion(
      String model, String text, int promptTokens, int completionTokens, JsonNode logprobs) {
    ObjectNode body = Json.MAPPER.createObjectNode()
        .put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT").put("object", "chat.completion")
        .put("created", 1741569952).put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal")
        .putArray("annotations");
    choice.set("logprobs", logprobs);
    choice.put("finish_reason", "stop");
    ObjectNode usage = body.putObject("usage")
        .put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    body.put("service_tier", "default").put("system_fingerprint", "fp_06737a9306");
    return Reply.json(200, body.toString());
  }
}
