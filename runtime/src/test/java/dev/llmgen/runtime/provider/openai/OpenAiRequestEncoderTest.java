package dev.llmgen.runtime.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiRequestEncoderTest {

  private static final OpenAiRequestEncoder OPENAI =
      OpenAiRequestEncoder.forBaseUri(URI.create("https://api.openai.com/v1"));

  @Test
  void asksOpenAiForMaxCompletionTokens() {
    ChatRequest request = new ChatRequest(
        "o4-mini", "Be brief.", "Name a prime.", 512, OptionalDouble.of(1), new ResponseFormat.Text());

    assertEquals(
        "{\"model\":\"o4-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"Name a prime.\"}],\"max_completion_tokens\":512,\"temperature\":1.0}",
        OPENAI.encode(request));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "https://openrouter.ai/api/v1"})
  void asksEveryOtherServerForMaxTokens(String baseUri) throws Exception {
    ChatRequest request = new ChatRequest(
        "llama3.2", "", "Name a prime.", 64, OptionalDouble.empty(), new ResponseFormat.Text());

    assertEquals(
        "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime.\"}],\"max_tokens\":64}",
        OpenAiRequestEncoder.forBaseUri(URI.create(baseUri)).encode(request));
  }

  @Test
  void sendsAStrictJsonSchemaLast() throws Exception {
    ObjectNode schema = (ObjectNode) Json.MAPPER.readTree(
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"],"
            + "\"additionalProperties\":false}");
    ChatRequest request = new ChatRequest("gpt-4o-mini", "", "Name a prime.", 100, OptionalDouble.of(0.5),
        new ResponseFormat.JsonSchema("prime", schema));

    assertEquals(
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime.\"}],"
            + "\"max_completion_tokens\":100,\"temperature\":0.5,"
            + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"prime\",\"strict\":true,"
            + "\"schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"],"
            + "\"additionalProperties\":false}}}}",
        OPENAI.encode(request));
  }

  static Stream<ResponseFormat> formatsAskedForInTheSystemMessage() {
    return Stream.of(
        new ResponseFormat.Text(),
        new ResponseFormat.Choice(List.of("POSITIVE", "NEGATIVE")),
        new ResponseFormat.Scalar(ResponseFormat.ScalarKind.INTEGER));
  }

  @ParameterizedTest
  @MethodSource("formatsAskedForInTheSystemMessage")
  void sendsNoResponseFormatForOtherAnswers(ResponseFormat format) throws Exception {
    ChatRequest request = new ChatRequest("gpt-4o-mini", "Answer POSITIVE or NEGATIVE.", "Great!", 5,
        OptionalDouble.empty(), format);

    assertFalse(Json.MAPPER.readTree(OPENAI.encode(request)).has("response_format"));
  }

  @Test
  void escapesWhatTheUserWrote() throws Exception {
    String prompt = "Quote \"this\"\nand a backslash \\ and ünïcödé";
    ChatRequest request = new ChatRequest("m", "", prompt, 5, OptionalDouble.empty(), new ResponseFormat.Text());

    assertEquals(prompt, Json.MAPPER.readTree(OPENAI.encode(request)).at("/messages/0/content").asText());
  }

  @Test
  void asksForLogprobsOnlyWhenTheRequestDoes() {
    ChatRequest request = new ChatRequest("gpt-4o-mini", "", "Name a prime.", 16, OptionalDouble.empty(),
        new ResponseFormat.Text(), true, Optional.empty());

    assertEquals(
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime.\"}],"
            + "\"max_completion_tokens\":16,\"logprobs\":true}",
        OPENAI.encode(request));
  }

  @Test
  void asksForAStreamWithItsUsage() {
    ChatRequest request = new ChatRequest("gpt-4o-mini", "", "Name a prime.", 16, OptionalDouble.of(0),
        new ResponseFormat.Text(), true, Optional.empty());

    assertEquals(
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime.\"}],"
            + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_completion_tokens\":16,"
            + "\"temperature\":0.0,\"logprobs\":true}",
        OPENAI.encodeStreaming(request));
  }
}
