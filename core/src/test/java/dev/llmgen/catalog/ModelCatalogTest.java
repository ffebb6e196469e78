package dev.llmgen.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCatalogTest {

  private static final String HEADER = "model,provider,input,cached_input,cache_write,output,context_window,tokenizer";
  private static final ModelCatalog BUNDLED = ModelCatalog.bundled();

  private static ModelCatalog parse(String... lines) throws IOException {
    return ModelCatalog.parse(new StringReader(String.join("\n", lines)), "my-models.csv");
  }

  private static String parseError(String... lines) {
    return assertThrows(IllegalArgumentException.class, () -> parse(lines)).getMessage();
  }

  @Test
  void bundledCatalogHasGpt4oMiniAtItsListPrices() {
    ModelEntry entry = BUNDLED.find("gpt-4o-mini").orElseThrow();

    assertEquals("openai", entry.provider());
    assertEquals(new TokenPrices(150_000_000L, 75_000_000L, 0, 600_000_000L), entry.prices());
    assertEquals(128_000, entry.contextWindow());
    assertEquals("o200k_base", entry.tokenizer());
  }

  @Test
  void bundledCatalogCoversOpenAiAndAnthropic() {
    assertTrue(BUNDLED.entries().size() >= 20, BUNDLED::toString);
    assertTrue(BUNDLED.entries().stream().anyMatch(entry -> entry.provider().equals("anthropic")));
    ModelEntry sonnet = BUNDLED.find("claude-sonnet-4").orElseThrow();
    assertEquals(TokenPrices.ofUsdPerMillion("3", "0.30", "3.75", "15"), sonnet.prices());
    assertEquals("cl100k_base", sonnet.tokenizer());
    for (ModelEntry entry : BUNDLED.entries()) {
      assertTrue(entry.prices().outputPerMillion() >= entry.prices().inputPerMillion(), entry::toString);
      assertTrue(entry.prices().cachedInputPerMillion() <= entry.prices().inputPerMillion(), entry::toString);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "gpt-4o-2024-08-06, gpt-4o",
      "gpt-4o-mini-2024-07-18, gpt-4o-mini",
      "claude-sonnet-4-20250514, claude-sonnet-4",
      "claude-sonnet-4-0, claude-sonnet-4",
      "claude-3-5-haiku-latest, claude-3-5-haiku",
      "claude-sonnet-4-5-20250929, claude-sonnet-4-5",
      "claude-opus-4-1-20250805, claude-opus-4-1",
      "gpt-3.5-turbo-0125, gpt-3.5-turbo",
      "gpt-4-0613, gpt-4",
      "gpt-4o, gpt-4o"})
  void snapshotsAndAliasesArePricedAsTheModelTheyName(String asked, String catalogued) {
    assertEquals(Optional.of(catalogued), BUNDLED.find(asked).map(ModelEntry::name));
    assertTrue(BUNDLED.contains(asked));
  }

  @Test
  void anExactEntryWinsOverItsUndatedName() {
    assertEquals("claude-sonnet-4-5", BUNDLED.find("claude-sonnet-4-5").orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"llama3.2:3b", "gpt-4o-mini-nonsense", "", "gpt-4o-20240806-extra", "GPT-4O"})
  void unknownModelsAreNotFound(String model) {
    assertEquals(Optional.empty(), BUNDLED.find(model));
    assertFalse(BUNDLED.contains(model));
  }

  @Test
  void parseSkipsBlankLinesAndCommentsAndKeepsOrder() throws IOException {
    ModelCatalog catalog = parse(
        "# my models",
        "",
        " " + HEADER.replace(",", ", ") + " ",
        "llama3.2:3b, ollama, 0, 0, 0, 0, 131072, cl100k_base",
        "# a paid one",
        "my-gpt,openai,1.5,0.5,0,6.000000001,64000,o200k_base");

    assertEquals(List.of("llama3.2:3b", "my-gpt"), catalog.entries().stream().map(ModelEntry::name).toList());
    assertEquals(TokenPrices.FREE, catalog.find("llama3.2:3b").orElseThrow().prices());
    assertEquals(new TokenPrices(1_500_000_000L, 500_000_000L, 0, 6_000_000_001L),
        catalog.find("my-gpt").orElseThrow().prices());
    assertEquals(131_072, catalog.find("llama3.2:3b").orElseThrow().contextWindow());
  }

  @Test
  void parseErrorOnTheHeaderNamesSourceAndLine() {
    assertEquals("my-models.csv:2: expected the header '" + HEADER + "' but found 'model,price'",
        parseError("# prices", "model,price", "a,1"));
  }

  @Test
  void parseErrorOnACellCountNamesSourceAndLine() {
    String message = parseError(HEADER, "a,openai,1,1,0,2,1000,o200k_base", "", "b,openai,1,1,0,2,1000");

    assertTrue(message.startsWith("my-models.csv:4: expected 8 comma-separated cells"), message);
    assertTrue(message.endsWith("but found 7"), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "b,openai,cheap,1,0,2,1000,o200k_base|the input price 'cheap' is not a USD amount",
      "b,openai,1,1,0,0.0000000001,1000,o200k_base|the output price '0.0000000001' is not a USD amount with at most 9 decimals",
      "b,openai,-1,1,0,2,1000,o200k_base|the input price must not be negative",
      "b,openai,1,1,0,2,0,o200k_base|the context window of b must be positive",
      "b,openai,1,1,0,2,lots,o200k_base|the context window 'lots' is not a whole number of tokens",
      " ,openai,1,1,0,2,1000,o200k_base|a model name must not be blank"})
  void parseErrorInACellNamesSourceLineAndProblem(String line, String problem) {
    String message = parseError(HEADER, line);

    assertTrue(message.startsWith("my-models.csv:2: "), message);
    assertTrue(message.contains(problem), message);
  }

  @Test
  void parseOfNothingIsAnEmptyCatalog() throws IOException {
    assertTrue(parse("# nothing yet").entries().isEmpty());
  }

  @Test
  void withOverridesAndAddsEntriesWithoutChangingTheOriginal() {
    ModelEntry cheaperMini = new ModelEntry(
        "gpt-4o-mini", "openai", TokenPrices.ofUsdPerMillion("0.10", "0.05", "0", "0.40"), 128_000, "o200k_base");
    ModelEntry local = new ModelEntry("llama3.2:3b", "ollama", TokenPrices.FREE, 131_072, "cl100k_base");

    ModelCatalog merged = BUNDLED.with(List.of(cheaperMini, local));

    assertEquals(Optional.of(cheaperMini), merged.find("gpt-4o-mini"));
    assertEquals(Optional.of(cheaperMini), merged.find("gpt-4o-mini-2024-07-18"));
    assertEquals(Optional.of(local), merged.find("llama3.2:3b"));
    assertEquals(BUNDLED.entries().size() + 1, merged.entries().size());
    assertEquals(600_000_000L, BUNDLED.find("gpt-4o-mini").orElseThrow().prices().outputPerMillion());
    assertFalse(BUNDLED.contains("llama3.2:3b"));
  }

  @Test
  void withAnotherCatalogOverridesByName() throws IOException {
    ModelCatalog user = parse(HEADER, "gpt-4o,openai,1,1,0,1,128000,o200k_base");

    ModelCatalog merged = BUNDLED.with(user);

    assertEquals(1_000_000_000L, merged.find("gpt-4o-2024-08-06").orElseThrow().prices().outputPerMillion());
    assertEquals(BUNDLED.entries().size(), merged.entries().size());
  }

  @Test
  void entriesCannotBeChangedFromOutside() {
    assertThrows(UnsupportedOperationException.class, () -> BUNDLED.entries().clear());
  }
}
