package dev.llmgen.runtime.cache;

import static dev.llmgen.runtime.cache.CacheFixtures.binding;
import static dev.llmgen.runtime.cache.CacheFixtures.textSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.llmgen.annotations.Cached.Scope;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.chain.ModelBinding;
import dev.llmgen.runtime.format.OutputFormat;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calls share a cache key: exactly those identical in everything that shapes the answer. */
class CacheKeysTest {

  private static final ModelBinding MINI = binding("gpt-4o-mini");

  private static CacheKey key(CallSpec<?> spec, ModelBinding model, String prompt, String user, Scope scope) {
    return new CacheKeys(spec, model, scope).keyOf(prompt, user);
  }

  private static CacheKey key(CallSpec<?> spec, ModelBinding model) {
    return key(spec, model, "Where is my parcel?", null, Scope.GLOBAL);
  }

  @Test
  void identicalCallsShareAKey() {
    assertEquals(
        key(textSpec("Bot.answer").build(), MINI, "Hi", "ada", Scope.USER),
        key(textSpec("Bot.answer").build(), binding("gpt-4o-mini"), "Hi", "ada", Scope.USER));
  }

  @Test
  void everythingThatShapesTheAnswerChangesTheKey() {
    Map<String, CacheKey> keys = new LinkedHashMap<>();
    keys.put("plain", key(textSpec("Bot.answer").build(), MINI));
    keys.put("other model", key(textSpec("Bot.answer").build(), binding("gpt-4o")));
    keys.put("other system", key(textSpec("Bot.answer").system("Be thorough.").build(), MINI));
    keys.put("no system", key(textSpec("Bot.answer").system("").build(), MINI));
    keys.put("other maxTokens", key(CallSpec.builder("Bot.answer", "gpt-4o-mini", 201, OutputFormat.text())
        .system("Be brief.").build(), MINI));
    keys.put("temperature 0", key(textSpec("Bot.answer").temperature(0).build(), MINI));
    keys.put("temperature 0.7", key(textSpec("Bot.answer").temperature(0.7).build(), MINI));
    keys.put("other prompt", key(textSpec("Bot.answer").build(), MINI, "Where is my parcel?!", null, Scope.GLOBAL));
    keys.put("user scope", key(textSpec("Bot.answer").build(), MINI, "Where is my parcel?", null, Scope.USER));
    keys.put("user ada", key(textSpec("Bot.answer").build(), MINI, "Where is my parcel?", "ada", Scope.USER));
    keys.put("user named null", key(textSpec("Bot.answer").build(), MINI, "Where is my parcel?", "null", Scope.USER));
    keys.put("user named nothing", key(textSpec("Bot.answer").build(), MINI, "Where is my parcel?", "", Scope.USER));
    assertAllDifferent(keys);
  }

  @Test
  void everyAnswerFormatHasItsOwnKey() {
    Map<String, CacheKey> keys = new LinkedHashMap<>();
    keys.put("text", key(spec(OutputFormat.text()), MINI));
    keys.put("boolean", key(spec(OutputFormat.bool()), MINI));
    keys.put("integer", key(spec(OutputFormat.integer()), MINI));
    keys.put("decimal", key(spec(OutputFormat.decimal()), MINI));
    keys.put("days", key(spec(OutputFormat.choice(DayOfWeek.values())), MINI));
    keys.put("first days", key(spec(OutputFormat.choice(new DayOfWeek[] {DayOfWeek.MONDAY})), MINI));
    keys.put("json", key(spec(OutputFormat.json(Parcel.class, "Parcel", "{\"type\":\"object\"}")), MINI));
    keys.put("other schema", key(spec(OutputFormat.json(Parcel.class, "Parcel",
        "{\"type\":\"object\",\"required\":[\"id\"]}")), MINI));
    keys.put("other schema name", key(spec(OutputFormat.json(Parcel.class, "Box", "{\"type\":\"object\"}")), MINI));
    assertAllDifferent(keys);
  }

  @Test
  void aJsonSchemaIsKeyedByItsContentNotItsInstance() {
    assertEquals(
        key(spec(OutputFormat.json(Parcel.class, "Parcel", "{\"type\":\"object\"}")), MINI),
        key(spec(OutputFormat.json(Parcel.class, "Parcel", "{ \"type\" : \"object\" }")), MINI));
  }

  @Test
  void fieldsDoNotRunIntoEachOther() {
    assertNotEquals(
        key(textSpec("Bot.answer").build(), MINI, "ab", "c", Scope.USER),
        key(textSpec("Bot.answer").build(), MINI, "a", "bc", Scope.USER));
    assertNotEquals(
        key(textSpec("Bot.answer").system("Be brief. Hi").build(), MINI, "", null, Scope.GLOBAL),
        key(textSpec("Bot.answer").system("Be brief. ").build(), MINI, "Hi", null, Scope.GLOBAL));
  }

  @Test
  void globalScopeIgnoresTheUser() {
    assertEquals(
        key(textSpec("Bot.answer").build(), MINI, "Hi", "ada", Scope.GLOBAL),
        key(textSpec("Bot.answer").build(), MINI, "Hi", null, Scope.GLOBAL));
  }

  @Test
  void theFeatureNameDoesNotShapeTheAnswer() {
    assertEquals(key(textSpec("Bot.answer").build(), MINI), key(textSpec("Bot.reply").build(), MINI));
  }

  private static <T> CallSpec<T> spec(OutputFormat<T> format) {
    return CallSpec.builder("Bot.answer", "gpt-4o-mini", 200, format).build();
  }

  private static void assertAllDifferent(Map<String, CacheKey> keys) {
    List<String> names = new ArrayList<>(keys.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        assertNotEquals(keys.get(names.get(i)), keys.get(names.get(j)), names.get(i) + " vs " + names.get(j));
      }
    }
  }

  record Parcel(String id) {}
}
