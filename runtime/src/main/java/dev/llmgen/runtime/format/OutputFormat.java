package dev.llmgen.runtime.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmgen.runtime.format.ResponseFormat.ScalarKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one return type is asked for and read back: the {@link ResponseFormat} sent to the provider,
 * the instruction added to the system prompt, and the decoder that turns the answer into the value.
 * Built once per generated method, in a static initializer; {@link #decode} is the only call-path work.
 */
public final class OutputFormat<T> {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,3}(?:[,_]\\d{3})+(?!\\d)|[-+]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:\\d{1,3}(?:[,_]\\d{3})+|\\d+)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern CODE_FENCE = Pattern.compile("^```[a-zA-Z]*\\s*(.*?)\\s*```$", Pattern.DOTALL);

  /** Turns an answer into a value, or throws {@link IllegalArgumentException} saying why it cannot. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(String answer);
  }

  private final ResponseFormat responseFormat;
  private final String instruction;
  private final String expected;
  private final Decoder<T> decoder;

  private OutputFormat(ResponseFormat responseFormat, String instruction, String expected, Decoder<T> decoder) {
    this.responseFormat = responseFormat;
    this.instruction = instruction;
    this.expected = expected;
    this.decoder = decoder;
  }

  /** Free text, returned without surrounding white space. */
  public static OutputFormat<String> text() {
    return new OutputFormat<>(new ResponseFormat.Text(), "", "text", String::strip);
  }

  /** One of {@code constants}, matched leniently: case, quotes, punctuation and spacing are ignored. */
  public static <E extends Enum<E>> OutputFormat<E> choice(E[] constants) {
    Map<String, E> byKey = new LinkedHashMap<>();
    for (E constant : constants) {
      byKey.put(choiceKey(constant.name()), constant);
    }
    List<String> names = Arrays.stream(constants).map(Enum::name).toList();
    String listed = String.join(", ", names);
    return new OutputFormat<>(
        new ResponseFormat.Choice(names),
        "Answer with exactly one of these words and nothing else: " + listed + ".",
        "one of " + listed,
        answer -> decodeChoice(answer, byKey));
  }

  public static OutputFormat<Boolean> bool() {
    return new OutputFormat<>(
        new ResponseFormat.Scalar(ScalarKind.BOOLEAN),
        "Answer with exactly one word, true or false, and nothing else.",
        "true or false",
        OutputFormat::decodeBoolean);
  }

  public static OutputFormat<Integer> integer() {
    return wholeNumber(OutputFormat::toInt);
  }

  public static OutputFormat<Long> longInteger() {
    return wholeNumber(Long::valueOf);
  }

  private static <T> OutputFormat<T> wholeNumber(LongFunction<T> conversion) {
    return new OutputFormat<>(
        new ResponseFormat.Scalar(ScalarKind.INTEGER),
        "Answer with a single whole number in digits and nothing else.",
        "a whole number",
        answer -> conversion.apply(Long.parseLong(singleMatch(answer, INTEGER, "whole number"))));
  }

  public static OutputFormat<Double> decimal() {
    return new OutputFormat<>(
        new ResponseFormat.Scalar(ScalarKind.DECIMAL),
        "Answer with a single number in digits and nothing else.",
        "a number",
        answer -> Double.parseDouble(singleMatch(answer, DECIMAL, "number")));
  }

  /**
   * A JSON document read into {@code type} with Jackson.
   *
   * @param schemaName the schema's name for the provider
   * @param schemaJson the JSON schema of {@code type}, computed by the annotation processor
   */
  public static <T> OutputFormat<T> json(Class<T> type, String schemaName, String schemaJson) {
    ObjectNode schema;
    try {
      schema = (ObjectNode) Json.MAPPER.readTree(schemaJson);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("the JSON schema of " + type.getName() + " is not a JSON object", e);
    }
    ObjectReader reader = Json.MAPPER.readerFor(type);
    return new OutputFormat<>(
        new ResponseFormat.JsonSchema(schemaName, schema),
        "Answer with one JSON object that matches the " + schemaName + " schema, and nothing else.",
        "a JSON " + schemaName,
        answer -> decodeJson(answer, reader));
  }

  public ResponseFormat responseFormat() {
    return responseFormat;
  }

  /** What to add to the system prompt so the model answers in this format; empty for free text. */
  public String instruction() {
    return instruction;
  }

  /** What an answer must be, for error messages: e.g. {@code one of LOW, MEDIUM, HIGH}. */
  public String expected() {
    return expected;
  }

  /**
   * The value of {@code answer}.
   *
   * @throws IllegalArgumentException saying why, when the answer does not fit
   */
  public T decode(String answer) {
    if (answer == null) {
      throw new IllegalArgumentException("there is no text");
    }
    return decoder.decode(answer);
  }

  private static <E> E decodeChoice(String answer, Map<String, E> byKey) {
    E exact = byKey.get(choiceKey(unwrap(answer)));
    if (exact != null) {
      return exact;
    }
    // A sentence that names one constant: match on whole words, so "a billing issue" finds
    // BILLING_ISSUE, and a constant inside a longer one named too (ISSUE in BILLING_ISSUE) does not count.
    String words = "_" + choiceKey(answer) + "_";
    List<String> named = byKey.keySet().stream().filter(key -> words.contains("_" + key + "_")).toList();
    List<E> mentioned = named.stream()
        .filter(key -> named.stream().noneMatch(other -> !other.equals(key) && ("_" + other + "_").contains("_" + key + "_")))
        .map(byKey::get)
        .toList();
    if (mentioned.size() == 1) {
      return mentioned.get(0);
    }
    throw new IllegalArgumentException(mentioned.isEmpty() ? "it names none of them" : "it names " + mentioned);
  }

  private static Boolean decodeBoolean(String answer) {
    String word = unwrap(answer).split("[^\\p{Alpha}]+", 2)[0].toLowerCase(Locale.ROOT);
    return switch (word) {
      case "true", "yes", "y" -> Boolean.TRUE;
      case "false", "no", "n" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("it does not start with true or false");
    };
  }

  private static Integer toInt(long value) {
    if (value != (int) value) {
      throw new IllegalArgumentException(value + " does not fit in an int");
    }
    return (int) value;
  }

  private static String singleMatch(String answer, Pattern number, String what) {
    Matcher matcher = number.matcher(answer);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      if (!matcher.group().isEmpty() && matcher.group().chars().anyMatch(Character::isDigit)) {
        found.add(matcher.group().replace(",", "").replace("_", ""));
      }
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException("it holds " + found.size() + " numbers, not one " + what);
    }
    return found.get(0);
  }

  private static <T> T decodeJson(String answer, ObjectReader reader) {
    String json = unfence(answer.strip());
    int start = json.indexOf('{');
    int end = json.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("it holds no JSON object");
    }
    try {
      T value = reader.readValue(json.substring(start, end + 1));
      if (value == null) {
        throw new IllegalArgumentException("it is JSON null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** Jackson's message, prefixed with the property it is about, e.g. {@code items[2].price}. */
  private static String describe(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return e.getOriginalMessage();
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? e.getOriginalMessage() : "property " + path + ": " + e.getOriginalMessage();
  }

  /** The answer without white space, code fences, quotes, emphasis and a final full stop. */
  private static String unwrap(String answer) {
    String text = unfence(answer.strip());
    text = text.replaceAll("^[\\s\"'`*_]+|[\\s\"'`*_.!]+$", "");
    return text;
  }

  private static String unfence(String text) {
    Matcher fenced = CODE_FENCE.matcher(text);
    return fenced.matches() ? fenced.group(1) : text;
  }

  private static String choiceKey(String word) {
    return word.strip().toUpperCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "_");
  }

}
