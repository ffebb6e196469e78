package dev.llmgen.runtime.provider.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.format.ResponseFormat;
import dev.llmgen.runtime.format.ResponseFormat.ScalarKind;
import dev.llmgen.runtime.provider.ChatRequest;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the simulated model's answer to a request in the format it asks for. Everything is drawn
 * from the random source given, so the same source gives the same answer.
 */
final class SimulatedAnswers {

  private static final int TOPIC_COUNT = 3;
  private static final int MIN_TOPIC_LENGTH = 4;
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}]*");
  // Filler and the verbs of instructions, which make poor topics.
  private static final Set<String> STOP_WORDS = Set.of(
      "about", "above", "after", "also", "answer", "based", "because", "been", "before", "being", "below",
      "between", "both", "classify", "could", "describe", "does", "each", "explain", "following", "from",
      "give", "given", "have", "help", "here", "into", "just", "know", "like", "list", "make", "more", "most",
      "much", "need", "only", "other", "over", "please", "question", "same", "should", "show", "some", "such",
      "summarise", "summarize", "tell", "than", "that", "their", "them", "then", "there", "these", "they",
      "simulated", "think", "this", "those", "translate", "under", "using", "very", "want", "what", "when", "where",
      "which", "while", "will", "with", "would", "write", "your");
  private static final List<String> OPENINGS = List.of(
      "Here is a short answer about %s.",
      "You asked about %s, so here is a brief reply.",
      "A quick take on %s.",
      "Thanks for the question on %s.");
  private static final List<String> BODIES = List.of(
      "Start with the facts you already have, then check the details that matter most.",
      "Most cases like this come down to a few clear options, and the simplest one usually works.",
      "A good first step is to look at what changed recently and compare it with what you expected.",
      "It helps to write down the goal, the constraints and one concrete next step.",
      "The usual approach works well here, with a little care over the edge cases.");
  private static final List<String> CLOSINGS = List.of(
      "I hope this helps.",
      "Ask again with more detail for a fuller answer.",
      "Let me know if you want an example.",
      "That should be enough to get going.");

  private SimulatedAnswers() {}

  /**
   * The answer to {@code request}, before any cut at {@code maxTokens}.
   *
   * @throws IllegalArgumentException when the format admits no answer (an empty choice, a schema
   *     with no valid instance)
   */
  static String answer(ChatRequest request, SplittableRandom random) {
    ResponseFormat format = request.responseFormat();
    if (format instanceof ResponseFormat.Choice choice) {
      return choice(choice.values(), random);
    }
    if (format instanceof ResponseFormat.Scalar scalar) {
      return scalar(scalar.kind(), random);
    }
    if (format instanceof ResponseFormat.JsonSchema json) {
      return json(json, random);
    }
    return text(request.prompt(), random);
  }

  /** A short reply that names a few words of the prompt and says it is simulated. */
  private static String text(String prompt, SplittableRandom random) {
    List<String> topics = topics(prompt);
    String subject = topics.isEmpty() ? "your message" : naturalList(topics);
    return "[simulated] " + String.format(Locale.ROOT, pick(OPENINGS, random), subject) + " "
        + pick(BODIES, random) + " " + pick(CLOSINGS, random);
  }

  private static String choice(List<String> values, SplittableRandom random) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a choice among no values admits no answer");
    }
    return pick(values, random);
  }

  private static String scalar(ScalarKind kind, SplittableRandom random) {
    return switch (kind) {
      case BOOLEAN -> Boolean.toString(random.nextBoolean());
      case INTEGER -> Integer.toString(random.nextInt(101));
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(10_001), 2).toPlainString();
    };
  }

  private static String json(ResponseFormat.JsonSchema format, SplittableRandom random) {
    try {
      return Json.MAPPER.writeValueAsString(SchemaInstanceGenerator.instanceOf(format.schema(), format.name(), random));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a JSON tree", e);
    }
  }

  /**
   * The longest distinct words of the prompt that are not filler, in the order they appear. Words with
   * inner capitals are identifiers (JSON keys of an argument rendered into the prompt), not topics.
   */
  private static List<String> topics(String prompt) {
    Map<String, String> byKey = new LinkedHashMap<>();
    Matcher words = WORD.matcher(prompt);
    while (words.find()) {
      String word = words.group();
      String key = word.toLowerCase(Locale.ROOT);
      boolean identifier = !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
      if (word.length() >= MIN_TOPIC_LENGTH && !STOP_WORDS.contains(key) && !identifier) {
        byKey.putIfAbsent(key, word);
      }
    }
    List<String> inOrder = new ArrayList<>(byKey.values());
    List<String> longest = inOrder.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .limit(TOPIC_COUNT)
        .toList();
    return inOrder.stream().filter(longest::contains).toList();
  }

  private static String naturalList(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }

  private static String pick(List<String> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }
}
