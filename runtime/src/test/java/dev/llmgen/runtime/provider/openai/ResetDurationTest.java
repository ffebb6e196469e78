package dev.llmgen.runtime.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResetDurationTest {

  @ParameterizedTest
  @CsvSource({
      "1s, PT1S",
      "6m0s, PT6M",
      "20ms, PT0.02S",
      "1h2m3.5s, PT1H2M3.5S",
      "7.66s, PT7.66S",
      "59m59.999s, PT59M59.999S",
      "0s, PT0S",
      "' 12ms ', PT0.012S",
      "1.5us, PT0.0000015S",
      "3µs, PT0.000003S",
      "250ns, PT0.00000025S",
      ".5s, PT0.5S",
      "2h, PT2H"})
  void readsGoDurations(String value, Duration expected) {
    assertEquals(Optional.of(expected), ResetDuration.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "5", "s", "1 s", "1S", "-1s", "1d", "1m 2s", "1.2.3s", "PT1S", "1s2", "soon",
      "99999999999999999999h"})
  void ignoresWhatIsNotAGoDuration(String value) {
    assertEquals(Optional.empty(), ResetDuration.parse(value));
  }
}
