package dev.llmgen.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
      "500ms, PT0.5S", "30s, PT30S", "10m, PT10M", "1h, PT1H", "7d, PT168H", "PT30S, PT30S", "' 5 s ', PT5S",
      "PT1H30M, PT1H30M", "0s, PT0S"})
  void durationsInShortAndIsoForms(String text, String iso) {
    assertEquals(Duration.parse(iso), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "", "10x", "-5s", "1.5s", "ms", "10 minutes"})
  void durationsThatAreNotDurations(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertEquals("'" + text + "' is not a duration: write 500ms, 30s, 10m, 1h, 7d or ISO-8601 such as PT30S",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999999999999d", "99999999999999999999s"})
  void durationsTooLongForADuration(String text) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertTrue(error.getMessage().startsWith("'" + text + "' "), error.getMessage());
  }
}
