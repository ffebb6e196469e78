package dev.llmgen.runtime.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the end-to-end tests cannot reach deterministically: the JDK's request and connect timeouts. */
class OpenAiResponseDecoderTest {

  private static final URI ENDPOINT = URI.create("http://10.0.0.7:8000/v1/chat/completions");

  private final OpenAiResponseDecoder decoder = new OpenAiResponseDecoder(
      ENDPOINT, Optional.of(new ApiKey("sk-test")), Clock.systemUTC());

  @Test
  void aRequestTimeoutIsATimeout() {
    LlmProviderException failure =
        decoder.transportFailure(new HttpTimeoutException("request timed out"), "llama3.2", Duration.ofSeconds(30));

    assertEquals(Duration.ofSeconds(30), assertInstanceOf(LlmTimeoutException.class, failure).timeout());
  }

  @Test
  void aConnectTimeoutIsAnUnreachableServer() {
    LlmProviderException failure =
        decoder.transportFailure(
            new HttpConnectTimeoutException("HTTP connect timed out"), "llama3.2", Duration.ofSeconds(30));

    assertFalse(failure instanceof LlmTimeoutException);
    assertEquals("openai could not be reached at " + ENDPOINT + " for model llama3.2: "
        + "HttpConnectTimeoutException: HTTP connect timed out", failure.getMessage());
    assertEquals(LlmProviderException.NO_RESPONSE, failure.statusCode());
    assertTrue(failure.isRetryable());
  }
}
