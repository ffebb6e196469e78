package dev.llmgen.runtime.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.e2e.ScriptedServer.Reply;
import dev.llmgen.runtime.format.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages API replies in the shapes of Anthropic's API reference (messages, streaming events, errors),
 * with the fields llmgen does not read left in, as the API sends them.
 */
final class AnthropicReplies {

  /**
   * A reply's {@code usage}, as Anthropic counts it: {@code input_tokens} are only those billed at the full
   * input price, apart from those written to and read from the prompt cache.
   */
  record Usage(int inputTokens, int cacheWriteTokens, int cacheReadTokens, int outputTokens) {

    private ObjectNode json(int outputSoFar) {
      return Json.MAPPER.createObjectNode()
          .put("input_tokens", inputTokens)
          .put("cache_creation_input_tokens", cacheWriteTokens)
          .put("cache_read_input_tokens", cacheReadTokens)
          .put("output_tokens", outputSoFar);
    }
  }

  private AnthropicReplies() {}

  /** A 200 message whose one text block is {@code text}. */
  static Reply message(String model, String text, Usage usage) {
    ObjectNode message = message(model);
    message.withArray("content").addObject().put("type", "text").put("text", text);
    message.put("stop_reason", "end_turn").putNull("stop_sequence");
    message.set("usage", usage.json(usage.outputTokens()).put("service_tier", "standard"));
    return Reply.json(200, message.toString());
  }

  /**
   * A 200 event stream writing {@code pieces} as one text block: {@code message_start} with the input
   * and cache counts, the block's start, a {@code ping}, a delta per piece, the block's stop,
   * {@code message_delta} with the stop reason and the output count, {@code message_stop}.
   */
  static Reply stream(String model, Usage usage, List<String> pieces) {
    List<String> events = new ArrayList<>();
    ObjectNode start = message(model).putNull("stop_reason").putNull("stop_sequence");
    start.set("usage", usage.json(1));
    events.add(event("message_start", type("message_start").set("message", start)));
    ObjectNode block = type("content_block_start").put("index", 0);
    block.putObject("content_block").put("type", "text").put("text", "");
    events.add(event("content_block_start", block));
    events.add(event("ping", type("ping")));
    for (String piece : pieces) {
      ObjectNode delta = type("content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", "text_delta").put("text", piece);
      events.add(event("content_block_delta", delta));
    }
    events.add(event("content_block_stop", type("content_block_stop").put("index", 0)));
    ObjectNode end = type("message_delta");
    end.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
    end.putObject("usage").put("output_tokens", usage.outputTokens());
    events.add(event("message_delta", end));
    events.add(event("message_stop", type("message_stop")));
    return Reply.events(events);
  }

  /** An error response, e.g. {@code 529 overloaded_error} or {@code 400 invalid_request_error}. */
  static Reply error(int status, String type, String message) {
    ObjectNode error = type("error");
    error.putObject("error").put("type", type).put("message", message);
    error.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy");
    return Reply.json(status, error.toString());
  }

  private static ObjectNode message(String model) {
    ObjectNode message = Json.MAPPER.createObjectNode()
        .put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message").put("role", "assistant")
        .put("model", model);
    message.putArray("content");
    return message;
  }

  private static ObjectNode type(String type) {
    return Json.MAPPER.createObjectNode().put("type", type);
  }

  private static String event(String name, ObjectNode data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}
