package dev.llmgen.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.format.ResponseFormat.ScalarKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFormatTest {

  enum Category { BILLING_ISSUE, OUTAGE, FEATURE_REQUEST }

  enum Level { LOW, MEDIUM, HIGH }

  record Verdict(String label, int score, boolean flagged, Optional<String> note) {}

  private static final String VERDICT_SCHEMA = """
      {"type":"object","properties":{"label":{"type":"string"},"score":{"type":"integer"},
       "flagged":{"type":"boolean"},"note":{"type":["string","null"]}},
       "required":["label","score","flagged","note"],"additionalProperties":false}
      """;

  private final OutputFormat<Category> category = OutputFormat.choice(Category.values());
  private final OutputFormat<Level> level = OutputFormat.choice(Level.values());
  private final OutputFormat<Verdict> verdict = OutputFormat.json(Verdict.class, "Verdict", VERDICT_SCHEMA);

  @ParameterizedTest
  @ValueSource(strings = {
      "OUTAGE", "outage", "Outage", "\"OUTAGE\"", "'outage'", "`OUTAGE`", "**Outage**", "Outage.", "  outage!\n",
      "```\nOUTAGE\n```"})
  void choiceIgnoresCaseQuotesEmphasisAndPunctuation(String answer) {
    assertEquals(Category.OUTAGE, category.decode(answer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BILLING_ISSUE", "Billing issue", "billing-issue", "Billing Issue.", "\"billing issue\""})
  void choiceMatchesMultiWordConstantsWrittenAsWords(String answer) {
    assertEquals(Category.BILLING_ISSUE, category.decode(answer));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I would rate this as HIGH.|HIGH",
      "The priority is low, I think|LOW",
      "Priority: Medium (the customer can wait)|MEDIUM",
      "HIGH, definitely HIGH|HIGH",
      "This looks like a BILLING_ISSUE to me.|BILLING_ISSUE",
      "It is a billing issue, clearly.|BILLING_ISSUE"})
  void choiceFindsTheOneConstantASentenceNames(String answer, String expected) {
    Object decoded = expected.equals("BILLING_ISSUE") ? category.decode(answer) : level.decode(answer);

    assertEquals(expected, ((Enum<?>) decoded).name());
  }

  @Test
  void choicePrefersTheLongerConstantASentenceNames() {
    enum Topic { ISSUE, BILLING_ISSUE }

    assertEquals(Topic.BILLING_ISSUE, OutputFormat.choice(Topic.values()).decode("Looks like a billing issue."));
    assertEquals(Topic.ISSUE, OutputFormat.choice(Topic.values()).decode("Some other issue."));
  }

  @Test
  void choiceRejectsAnswersNamingSeveralConstants() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> level.decode("Either LOW or HIGH"));

    assertTrue(error.getMessage().contains("LOW") && error.getMessage().contains("HIGH"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Purple", "", "   ", "I cannot tell."})
  void choiceRejectsAnswersNamingNoConstant(String answer) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> level.decode(answer));

    assertTrue(error.getMessage().contains("none"), error.getMessage());
  }

  @Test
  void everyFormatRejectsAMissingAnswer() {
    for (OutputFormat<?> format : List.of(
        OutputFormat.text(), level, OutputFormat.bool(), OutputFormat.integer(), OutputFormat.longInteger(),
        OutputFormat.decimal(), verdict)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> format.decode(null));
      assertEquals("there is no text", error.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "True.", "TRUE", "yes", "Yes, it is.", "y", "  true\n", "\"true\"", "**Yes**"})
  void booleanReadsTrue(String answer) {
    assertEquals(Boolean.TRUE, OutputFormat.bool().decode(answer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False.", "no", "No, it is not.", "N", "`false`"})
  void booleanReadsFalse(String answer) {
    assertEquals(Boolean.FALSE, OutputFormat.bool().decode(answer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "", "It is true", "1"})
  void booleanRejectsAnswersThatDoNotStartWithAVerdict(String answer) {
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.bool().decode(answer));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "42|42", "1,234|1234", "The answer is 7.|7", "-3|-3", "+5|5", "1_000_000|1000000", "' 12 '|12",
      "About 1,234,567 people.|1234567"})
  void integerReadsTheOneWholeNumber(String answer, int expected) {
    assertEquals(expected, OutputFormat.integer().decode(answer));
    assertEquals((long) expected, OutputFormat.longInteger().decode(answer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3 or 4", "none", "", "between 10 and 20"})
  void integerRejectsAnswersWithoutExactlyOneNumber(String answer) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.integer().decode(answer));

    assertTrue(error.getMessage().contains("numbers, not one whole number"), error.getMessage());
  }

  @Test
  void integerRejectsNumbersOutOfRange() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.integer().decode("99999999999"));
    assertEquals("99999999999 does not fit in an int", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.integer().decode("-3,000,000,000"));
    assertEquals(99_999_999_999L, OutputFormat.longInteger().decode("99999999999"));
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.longInteger().decode("99999999999999999999"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3.14|3.14", "-0.5|-0.5", "1,234.5|1234.5", "About 2.5 hours.|2.5", "7|7.0", ".25|0.25", "1e3|1000.0",
      "The score is 0.75.|0.75"})
  void decimalReadsTheOneNumber(String answer, double expected) {
    assertEquals(expected, OutputFormat.decimal().decode(answer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5 or 2.5", "n/a", ""})
  void decimalRejectsAnswersWithoutExactlyOneNumber(String answer) {
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.decimal().decode(answer));
  }

  @Test
  void jsonReadsAPlainObject() {
    Verdict decoded = verdict.decode("{\"label\":\"spam\",\"score\":3,\"flagged\":true,\"note\":null}");

    assertEquals(new Verdict("spam", 3, true, Optional.empty()), decoded);
  }

  @Test
  void jsonReadsAnObjectInACodeFence() {
    Verdict decoded = verdict.decode("```json\n{\"label\":\"ham\",\"score\":0,\"flagged\":false,\"note\":\"ok\"}\n```");

    assertEquals(new Verdict("ham", 0, false, Optional.of("ok")), decoded);
  }

  @Test
  void jsonReadsAnObjectWithProseAround() {
    Verdict decoded = verdict.decode(
        "Sure! Here is the verdict:\n```json\n{\"label\":\"spam\",\"score\":9,\"flagged\":true,\"note\":null}\n```\n"
            + "Let me know if you need more.");

    assertEquals(new Verdict("spam", 9, true, Optional.empty()), decoded);
  }

  @Test
  void jsonIgnoresPropertiesTheTypeDoesNotHave() {
    Verdict decoded = verdict.decode("{\"label\":\"x\",\"score\":1,\"flagged\":false,\"note\":null,\"extra\":[1]}");

    assertEquals(new Verdict("x", 1, false, Optional.empty()), decoded);
  }

  @Test
  void jsonRejectsAMissingPrimitive() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> verdict.decode("{\"label\":\"spam\",\"flagged\":true,\"note\":null}"));

    assertTrue(error.getMessage().startsWith("property score: "), error.getMessage());
  }

  @Test
  void jsonRejectsANullPrimitive() {
    assertThrows(IllegalArgumentException.class,
        () -> verdict.decode("{\"label\":\"spam\",\"score\":null,\"flagged\":true,\"note\":null}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "```json\nnull\n```", "I cannot answer that.", "[1, 2]", "", "} {"})
  void jsonRejectsAnswersWithoutAnObject(String answer) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> verdict.decode(answer));

    assertEquals("it holds no JSON object", error.getMessage());
  }

  @Test
  void jsonRejectsMalformedJson() {
    assertThrows(IllegalArgumentException.class, () -> verdict.decode("{\"label\": \"spam\", \"score\": }"));
    assertThrows(IllegalArgumentException.class,
        () -> verdict.decode("{\"label\":\"x\",\"score\":\"many\",\"flagged\":true,\"note\":null}"));
  }

  @Test
  void jsonNeedsASchemaThatIsAnObject() {
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.json(Verdict.class, "Verdict", "[1]"));
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.json(Verdict.class, "Verdict", "{"));
  }

  @Test
  void textStripsSurroundingWhiteSpaceOnly() {
    assertEquals("Hello, **world**.", OutputFormat.text().decode("  \n Hello, **world**.\n\n"));
    assertEquals("", OutputFormat.text().decode("   "));
  }

  @Test
  void everyFormatButTextAddsAnInstruction() {
    assertEquals("", OutputFormat.text().instruction());
    for (OutputFormat<?> format : List.of(
        level, OutputFormat.bool(), OutputFormat.integer(), OutputFormat.longInteger(), OutputFormat.decimal(),
        verdict)) {
      assertFalse(format.instruction().isBlank(), format.expected());
    }
    assertTrue(level.instruction().contains("LOW, MEDIUM, HIGH"), level.instruction());
    assertTrue(verdict.instruction().contains("Verdict"), verdict.instruction());
  }

  @Test
  void responseFormatsDescribeTheAnswer() throws Exception {
    assertEquals(new ResponseFormat.Text(), OutputFormat.text().responseFormat());
    assertEquals(new ResponseFormat.Choice(List.of("LOW", "MEDIUM", "HIGH")), level.responseFormat());
    assertEquals(new ResponseFormat.Scalar(ScalarKind.BOOLEAN), OutputFormat.bool().responseFormat());
    assertEquals(new ResponseFormat.Scalar(ScalarKind.INTEGER), OutputFormat.integer().responseFormat());
    assertEquals(new ResponseFormat.Scalar(ScalarKind.INTEGER), OutputFormat.longInteger().responseFormat());
    assertEquals(new ResponseFormat.Scalar(ScalarKind.DECIMAL), OutputFormat.decimal().responseFormat());
    ResponseFormat.JsonSchema json = (ResponseFormat.JsonSchema) verdict.responseFormat();
    assertEquals("Verdict", json.name());
    assertEquals(Json.MAPPER.readTree(VERDICT_SCHEMA), json.schema());
  }

  @Test
  void expectedSaysWhatAnAnswerMustBe() {
    assertEquals("one of LOW, MEDIUM, HIGH", level.expected());
    assertEquals("true or false", OutputFormat.bool().expected());
    assertEquals("a whole number", OutputFormat.integer().expected());
    assertEquals("a number", OutputFormat.decimal().expected());
    assertEquals("a JSON Verdict", verdict.expected());
    assertEquals("text", OutputFormat.text().expected());
  }
}
