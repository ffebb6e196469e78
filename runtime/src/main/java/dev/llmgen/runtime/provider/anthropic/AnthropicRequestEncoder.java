package dev.llmgen.runtime.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.provider.ChatRequest;
import java.io.UncheckedIOException;

/**
 * Writes a {@link ChatRequest} as a Messages API request body, fields always in the same order.
 *
 * <p>The Messages API has no JSON mode, so a schema answer is asked for the way Anthropic recommends:
 * one tool, {@value #ANSWER_TOOL}, whose input schema is the answer's schema, and a {@code tool_choice}
 * that forces the model to call it. The tool call's input is the answer. Text, choice and scalar
 * answers are asked for in the system message and need nothing here.
 */
final class AnthropicRequestEncoder {

  /** The name of the tool a schema answer is given through. */
  static final String ANSWER_TOOL = "answer";

  private final SystemPromptCaching caching;

  AnthropicRequestEncoder(SystemPromptCaching caching) {
    this.caching = caching;
  }

  /** @param stream whether to ask for the answer as server-sent events */
  String encode(ChatRequest request, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", request.model());
    body.put("max_tokens", request.maxTokens());
    if (request.hasSystem()) {
      body.set("system", system(request));
    }
    body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    request.temperature().ifPresent(temperature -> body.put("temperature", temperature));
    if (request.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
      body.set("tools", answerTool(schema));
      body.putObject("tool_choice").put("type", "tool").put("name", ANSWER_TOOL);
    }
    if (stream) {
      body.put("stream", true);
    }
    return write(body);
  }

  /** A plain string, or one text block with a cache breakpoint when the prompt is long enough to cache. */
  private JsonNode system(ChatRequest request) {
    if (!caching.worthCaching(request.model(), request.system())) {
      return Json.MAPPER.getNodeFactory().textNode(request.system());
    }
    ArrayNode blocks = Json.MAPPER.createArrayNode();
    ObjectNode block = blocks.addObject().put("type", "text").put("text", request.system());
    block.putObject("cache_control").put("type", "ephemeral");
    return blocks;
  }

  private static ArrayNode answerTool(ResponseFormat.JsonSchema format) {
    ArrayNode tools = Json.MAPPER.createArrayNode();
    tools.addObject()
        .put("name", ANSWER_TOOL)
        .put("description", "Gives the answer: one " + format.name() + " object, as the instructions ask.")
        .putRawValue("input_schema", new RawValue(format.schemaText()));
    return tools;
  }

  private static String write(ObjectNode body) {
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a JSON tree, which never fails", e);
    }
  }
}
