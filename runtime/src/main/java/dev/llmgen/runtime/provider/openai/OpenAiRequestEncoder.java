package dev.llmgen.runtime.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import java.io.UncheckedIOException;
import java.net.URI;

/** Writes a {@link ChatRequest} as a Chat Completions request body, fields always in the same order. */
final class OpenAiRequestEncoder {

  static final String OPENAI_HOST = "api.openai.com";

  private final String tokenLimitField;

  private OpenAiRequestEncoder(String tokenLimitField) {
    this.tokenLimitField = tokenLimitField;
  }

  /**
   * OpenAI deprecated {@code max_tokens} and its reasoning models reject it, so its own API gets
   * {@code max_completion_tokens}; compatible servers (Ollama, vLLM, llama.cpp) only know {@code max_tokens}.
   */
  static OpenAiRequestEncoder forBaseUri(URI baseUri) {
    return new OpenAiRequestEncoder(
        OPENAI_HOST.equalsIgnoreCase(baseUri.getHost()) ? "max_completion_tokens" : "max_tokens");
  }

  /** The body of a request answered in one piece. */
  String encode(ChatRequest request) {
    return write(body(request, false));
  }

  /**
   * The body of a request answered as a stream of chunks. It asks for the usage in a last chunk,
   * which servers that do not know {@code stream_options} leave out.
   */
  String encodeStreaming(ChatRequest request) {
    return write(body(request, true));
  }

  private ObjectNode body(ChatRequest request, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    if (request.hasSystem()) {
      messages.add(message("system", request.system()));
    }
    messages.add(message("user", request.prompt()));
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    body.put(tokenLimitField, request.maxTokens());
    request.temperature().ifPresent(temperature -> body.put("temperature", temperature));
    if (request.logprobs()) {
      body.put("logprobs", true);
    }
    // Text, choice and scalar answers are asked for in the system message; only schemas have a wire form.
    if (request.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
      body.set("response_format", responseFormat(schema));
    }
    return body;
  }

  private static ObjectNode message(String role, String content) {
    return Json.MAPPER.createObjectNode().put("role", role).put("content", content);
  }

  private static ObjectNode responseFormat(ResponseFormat.JsonSchema format) {
    ObjectNode jsonSchema = Json.MAPPER.createObjectNode()
        .put("name", format.name())
        .put("strict", true)
        .putRawValue("schema", new RawValue(format.schemaText()));
    return Json.MAPPER.createObjectNode().put("type", "json_schema").set("json_schema", jsonSchema);
  }

  private static String write(ObjectNode body) {
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a JSON tree, which never fails", e);
    }
  }
}
