package dev.llmgen.runtime.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderHttpTest {

  static Stream<Arguments> baseUris() {
    Duration minute = Duration.ofMinutes(1);
    Duration threeSeconds = Duration.ofSeconds(3);
    return Stream.of(
        Arguments.of("https://api.openai.com/v1", minute, HttpClient.Version.HTTP_2, Duration.ofSeconds(10)),
        Arguments.of("https://api.anthropic.com", minute, HttpClient.Version.HTTP_2, Duration.ofSeconds(10)),
        Arguments.of("http://localhost:11434/v1", threeSeconds, HttpClient.Version.HTTP_1_1, threeSeconds),
        Arguments.of("http://localhost:4000", threeSeconds, HttpClient.Version.HTTP_1_1, threeSeconds));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baseUris")
  void talksHttp2OverTlsAndHttp11ToPlainHttpServersAndConnectsWithinTenSeconds(
      String baseUri, Duration timeout, HttpClient.Version version, Duration connectTimeout) {
    HttpClient client = ProviderHttp.client(URI.create(baseUri), timeout);

    assertEquals(version, client.version());
    assertEquals(Optional.of(connectTimeout), client.connectTimeout());
  }

  @Test
  void putsTheEndpointBelowTheBaseUriWithOrWithoutItsTrailingSlash() {
    assertEquals(URI.create("http://localhost:11434/v1/chat/completions"),
        ProviderHttp.endpoint(URI.create("http://localhost:11434/v1"), "/chat/completions"));
    assertEquals(URI.create("http://localhost:11434/v1/chat/completions"),
        ProviderHttp.endpoint(URI.create("http://localhost:11434/v1/"), "/chat/completions"));
    assertEquals(URI.create("https://api.anthropic.com/v1/messages"),
        ProviderHttp.endpoint(URI.create("https://api.anthropic.com/"), "/v1/messages"));
  }
}
