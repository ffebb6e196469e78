package dev.llmgen.runtime.provider.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a JSON value that a JSON schema accepts, for the schemas structured outputs use: objects with
 * properties, strings (with {@code enum} and the common formats), integers and numbers within their
 * bounds, booleans, arrays, "or null" types, {@code anyOf}/{@code oneOf}, {@code const}, and
 * {@code $ref} into the schema itself ({@code #/$defs/Name}). Nullable values are filled in, so an
 * answer shows every field, until a recursive schema nests too deep.
 */
final class SchemaInstanceGenerator {

  /** Beyond this depth optional parts are left out, so recursive schemas end. */
  private static final int SHALLOW_DEPTH = 6;
  /** Beyond this depth the schema cannot end: a required property refers back to itself. */
  private static final int MAX_DEPTH = 32;
  private static final long DEFAULT_SPAN = 100;
  private static final long MAX_INTEGER_SPAN = 1000;
  private static final int DEFAULT_MAX_ITEMS = 3;
  private static final Instant EPOCH_OF_ANSWERS = Instant.parse("2024-01-01T00:00:00Z");
  private static final int DAYS_OF_ANSWERS = 730;
  private static final List<String> WORDS = List.of(
      "amber", "birch", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "indigo", "juniper",
      "maple", "orbit", "quartz", "river", "summit", "willow");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final SplittableRandom random;

  private SchemaInstanceGenerator(JsonNode root, SplittableRandom random) {
    this.root = root;
    this.random = random;
  }

  /**
   * A value {@code schema} accepts; {@code label} names it in the text of strings.
   *
   * @throws IllegalArgumentException when the schema admits no value or refers outside itself
   */
  static JsonNode instanceOf(ObjectNode schema, String label, SplittableRandom random) {
    return new SchemaInstanceGenerator(schema, random).generate(schema, label, 0);
  }

  private JsonNode generate(JsonNode schema, String label, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the schema nests deeper than " + MAX_DEPTH
          + " levels; a property that refers back to its own type must be optional or nullable");
    }
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        throw new IllegalArgumentException("the schema false admits no value");
      }
      return NODES.textNode(text(label));
    }
    if (!schema.isObject()) {
      throw new IllegalArgumentException("a schema must be a JSON object, not " + schema);
    }
    if (schema.has("$ref")) {
      return generate(resolve(schema.get("$ref").asText()), label, depth + 1);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.has("enum")) {
      return pick(nonNull(schema.get("enum"), false), "enum");
    }
    for (String alternatives : List.of("anyOf", "oneOf")) {
      if (schema.has(alternatives)) {
        boolean allowNull = depth >= SHALLOW_DEPTH;
        return generate(pick(nonNull(schema.get(alternatives), allowNull), alternatives), label, depth + 1);
      }
    }
    String type = typeOf(schema, depth >= SHALLOW_DEPTH);
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, label, depth);
      case "string" -> string(schema, label);
      case "integer" -> NODES.numberNode(integer(schema));
      case "number" -> NODES.numberNode(number(schema));
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "null" -> NODES.nullNode();
      default -> throw new IllegalArgumentException("'" + type + "' is not a JSON schema type");
    };
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException(
          "cannot follow $ref " + ref + ": only references inside the schema, such as #/$defs/Name, are supported");
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("$ref " + ref + " names nothing in the schema");
    }
    return target;
  }

  /** The type to write: the first that is not null, unless null is allowed and offered. */
  private static String typeOf(JsonNode schema, boolean preferNull) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }
    if (type.isTextual()) {
      return type.asText();
    }
    List<String> types = new ArrayList<>();
    type.forEach(name -> types.add(name.asText()));
    if (types.isEmpty()) {
      throw new IllegalArgumentException("the type list " + type + " is empty");
    }
    if (preferNull && types.contains("null")) {
      return "null";
    }
    return types.stream().filter(name -> !name.equals("null")).findFirst().orElse("null");
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      if (depth < SHALLOW_DEPTH || required.contains(property.getKey())) {
        object.set(property.getKey(), generate(property.getValue(), property.getKey(), depth + 1));
      }
    }
    for (String name : required) {
      if (!object.has(name)) {
        JsonNode additional = schema.path("additionalProperties");
        object.set(name, additional.isObject() ? generate(additional, name, depth + 1) : NODES.textNode(text(name)));
      }
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, String label, int depth) {
    int minItems = schema.path("minItems").asInt(0);
    int maxItems = schema.path("maxItems").asInt(Integer.MAX_VALUE);
    int from = Math.max(minItems, 1);
    int to = Math.min(Math.max(from, DEFAULT_MAX_ITEMS), maxItems);
    int count = depth >= SHALLOW_DEPTH ? minItems : Math.min(from, to) + random.nextInt(Math.max(to - from, 0) + 1);
    JsonNode items = schema.has("items") ? schema.get("items") : NODES.objectNode();
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < count; i++) {
      array.add(generate(items, label, depth + 1));
    }
    return array;
  }

  private JsonNode string(JsonNode schema, String label) {
    String format = schema.path("format").asText("");
    String value = switch (format) {
      case "date" -> LocalDate.ofInstant(moment(), ZoneOffset.UTC).toString();
      case "time" -> String.format(Locale.ROOT, "%02d:%02d:%02d",
          random.nextInt(24), random.nextInt(60), random.nextInt(60));
      case "date-time" -> moment().toString();
      case "uuid" -> uuid().toString();
      case "duration" -> "PT" + (1 + random.nextInt(120)) + "M";
      case "email" -> "simulated." + word() + "@example.com";
      case "uri", "url" -> "https://example.com/simulated/" + word();
      default -> fitLength(text(label), schema);
    };
    return NODES.textNode(value);
  }

  private String fitLength(String text, JsonNode schema) {
    StringBuilder value = new StringBuilder(text);
    int minLength = schema.path("minLength").asInt(0);
    while (value.length() < minLength) {
      value.append(' ').append(word());
    }
    int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    return value.length() > maxLength ? value.substring(0, maxLength).strip() : value.toString();
  }

  /** Text that says it is simulated and what it stands for: {@code simulated customer name maple}. */
  private String text(String label) {
    String words = label.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    return "simulated " + words + " " + word();
  }

  private long integer(JsonNode schema) {
    double lower = Math.max(
        Math.ceil(bound(schema, "minimum", Double.NEGATIVE_INFINITY)),
        Math.floor(bound(schema, "exclusiveMinimum", Double.NEGATIVE_INFINITY)) + 1);
    double upper = Math.min(
        Math.floor(bound(schema, "maximum", Double.POSITIVE_INFINITY)),
        Math.ceil(bound(schema, "exclusiveMaximum", Double.POSITIVE_INFINITY)) - 1);
    double[] range = finite(lower, upper, schema, "whole number");
    long span = (long) Math.min(range[1] - range[0], MAX_INTEGER_SPAN);
    return (long) range[0] + random.nextLong(span + 1);
  }

  private double number(JsonNode schema) {
    double lower = Math.max(
        bound(schema, "minimum", Double.NEGATIVE_INFINITY), bound(schema, "exclusiveMinimum", Double.NEGATIVE_INFINITY));
    double upper = Math.min(
        bound(schema, "maximum", Double.POSITIVE_INFINITY), bound(schema, "exclusiveMaximum", Double.POSITIVE_INFINITY));
    double[] range = finite(lower, upper, schema, "number");
    // Keeping a margin from both bounds respects exclusive ones; two decimals read like a model's answer.
    double margin = (range[1] - range[0]) / 100;
    double from = range[0] + margin;
    double to = range[1] - margin;
    double value = from + random.nextDouble() * (to - from);
    double rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    return rounded >= from && rounded <= to ? rounded : value;
  }

  /** A numeric bound of the schema; draft-4 boolean {@code exclusiveMinimum} flags are not bounds. */
  private static double bound(JsonNode schema, String keyword, double absent) {
    JsonNode bound = schema.get(keyword);
    return bound != null && bound.isNumber() ? bound.asDouble() : absent;
  }

  /** {@code [lower, upper]} with a missing side put {@value #DEFAULT_SPAN} from the other, or from 0. */
  private static double[] finite(double lower, double upper, JsonNode schema, String what) {
    if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
      lower = 0;
    } else if (Double.isInfinite(lower)) {
      lower = upper - DEFAULT_SPAN;
    }
    if (Double.isInfinite(upper)) {
      upper = lower + DEFAULT_SPAN;
    }
    if (lower > upper) {
      throw new IllegalArgumentException("no " + what + " lies within the bounds of " + schema);
    }
    return new double[] {lower, upper};
  }

  private List<JsonNode> nonNull(JsonNode options, boolean allowNull) {
    List<JsonNode> chosen = new ArrayList<>();
    List<JsonNode> nulls = new ArrayList<>();
    for (JsonNode option : options) {
      boolean isNull = option.isNull() || "null".equals(option.path("type").asText(null));
      (isNull ? nulls : chosen).add(option);
    }
    if (allowNull && !nulls.isEmpty()) {
      return nulls;
    }
    return chosen.isEmpty() ? nulls : chosen;
  }

  private JsonNode pick(List<JsonNode> options, String keyword) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("an empty " + keyword + " admits no value");
    }
    return options.get(random.nextInt(options.size()));
  }

  private Instant moment() {
    return EPOCH_OF_ANSWERS.plusSeconds(random.nextLong(DAYS_OF_ANSWERS * 86_400L));
  }

  private UUID uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  private String word() {
    return WORDS.get(random.nextInt(WORDS.size()));
  }
}
