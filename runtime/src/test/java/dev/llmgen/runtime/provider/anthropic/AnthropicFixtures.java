package dev.llmgen.runtime.provider.anthropic;

import static dev.llmgen.runtime.provider.anthropic.FakeAnthropicServer.Reply.event;

/**
 * Responses in the shapes of Anthropic's API reference (Messages, streaming, errors), with the fields
 * llmgen does not read left in, as the API sends them.
 */
final class AnthropicFixtures {

  /** A text answer whose input was partly written to and partly read from the prompt cache. */
  static final String MESSAGE = """
      {
        "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5-20250929",
        "content": [
          {"type": "text", "text": "Your order ships "},
          {"type": "text", "text": "within two business days."}
        ],
        "stop_reason": "end_turn",
        "stop_sequence": null,
        "usage": {
          "input_tokens": 14,
          "cache_creation_input_tokens": 1536,
          "cache_read_input_tokens": 2048,
          "cache_creation": {"ephemeral_5m_input_tokens": 1536, "ephemeral_1h_input_tokens": 0},
          "output_tokens": 12,
          "service_tier": "standard"
        }
      }
      """;

  /** A forced call of the answer tool. */
  static final String TOOL_USE = """
      {
        "id": "msg_01Aq9w938a90dw8q",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5-20250929",
        "content": [
          {
            "type": "tool_use",
            "id": "toolu_01A09q90qw90lq917835lq9",
            "name": "answer",
            "input": {"name": "Ada Lovelace", "born": 1815}
          }
        ],
        "stop_reason": "tool_use",
        "stop_sequence": null,
        "usage": {"input_tokens": 412, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 48}
      }
      """;

  /** An answer cut off at {@code max_tokens}, from a proxy that leaves the cache counts out. */
  static final String MAX_TOKENS = """
      {
        "id": "msg_01HCDu5LRGeP2o7s2xGmxyx8",
        "type": "message",
        "role": "assistant",
        "model": "claude-haiku-4-5-20251001",
        "content": [{"type": "text", "text": "Your order ships within two"}],
        "stop_reason": "max_tokens",
        "stop_sequence": null,
        "usage": {"input_tokens": 31, "output_tokens": 8}
      }
      """;

  /** A refusal: Anthropic's classifiers stopped the answer. */
  static final String REFUSAL = """
      {
        "id": "msg_014XcT7FvLyuh3Ez1wYjR7Tq",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5-20250929",
        "content": [{"type": "text", "text": "I can't help with that."}],
        "stop_reason": "refusal",
        "stop_sequence": null,
        "usage": {"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 7}
      }
      """;

  /** Anthropic's error body for {@code type} with {@code message}. */
  static String error(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},"
        + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
  }

  static final String MESSAGE_START = event("message_start", """
      {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message",\
      "role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,\
      "usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":1310,"output_tokens":1}}}""");

  static final String TEXT_BLOCK_START = event("content_block_start",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");

  static final String TOOL_BLOCK_START = event("content_block_start", """
      {"type":"content_block_start","index":0,"content_block":{"type":"tool_use",\
      "id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"answer","input":{}}}""");

  static final String PING = event("ping", "{\"type\": \"ping\"}");

  static final String BLOCK_STOP = event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");

  static final String MESSAGE_STOP = event("message_stop", "{\"type\":\"message_stop\"}");

  static String textDelta(String text) {
    return event("content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
  }

  /** {@code partialJson} is written into the event as a JSON string, escaped. */
  static String jsonDelta(String partialJson) {
    String escaped = partialJson.replace("\\", "\\\\").replace("\"", "\\\"");
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"" + escaped + "\"}}");
  }

  static String messageDelta(String stopReason, int outputTokens) {
    return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
  }

  static String errorEvent(String type, String message) {
    return event("error", "{\"type\": \"error\", \"error\": {\"type\": \"" + type + "\", \"message\": \"" + message + "\"}}");
  }

  private AnthropicFixtures() {}
}
