package dev.llmgen.runtime.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.provider.http.ProviderErrors.ErrorDetails;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

  private static final String SECRET = "sk-llmgen-test-7f3a9c2e51d84b06";
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:8000/v1/chat/completions");

  private final ProviderErrors errors =
      new ProviderErrors("openai", ENDPOINT, Optional.of(new ApiKey(SECRET)), "OPENAI_BASE_URL");

  @Test
  void anExcerptIsOneLine() {
    assertEquals("Bad gateway: the upstream closed", errors.excerpt("  Bad gateway:\n\tthe upstream\r\n closed \n"));
  }

  @Test
  void anExcerptIsCutAfterTheKeyIsBlankedOut() {
    String excerpt = errors.excerpt("Forbidden. ".repeat(24) + "Authorization: Bearer " + SECRET + " was rejected.");

    assertEquals(ProviderErrors.EXCERPT_LENGTH, excerpt.length());
    assertTrue(excerpt.endsWith("Bearer **** was reje…"), excerpt);
  }

  @Test
  void withoutAKeyNothingIsBlankedOut() {
    ProviderErrors keyless = new ProviderErrors("openai", ENDPOINT, Optional.empty(), "OPENAI_BASE_URL");

    assertEquals("key " + SECRET, keyless.redact("key " + SECRET));
  }

  @Test
  void theDetailIsTheServersOwnMessageElseTheBody() {
    assertEquals("Incorrect API key provided: ****.",
        errors.detail("{\"error\":{}}", Optional.of("Incorrect API key provided: " + SECRET + ".")));
    assertEquals("<html>502 Bad Gateway</html>", errors.detail("<html>502 Bad Gateway</html>", Optional.empty()));
    assertEquals("(empty body)", errors.detail(" \n", Optional.empty()));
  }

  @Test
  void anUnreachableServerIsNamedWithTheFirstMessageDownTheCauses() {
    IOException failure = new IOException(null, new ConnectException("Connection refused to " + SECRET));

    LlmProviderException unreachable = errors.unreachable("gpt-4o-mini", failure, false);

    assertEquals("openai could not be reached at " + ENDPOINT + " for model gpt-4o-mini: IOException: Connection"
        + " refused to ****", unreachable.getMessage());
    assertEquals(LlmProviderException.NO_RESPONSE, unreachable.statusCode());
    assertSame(failure, unreachable.getCause());
    assertTrue(unreachable.isRetryable());
  }

  @Test
  void aRefusedConnectionAsksAboutTheServerAndItsSetting() {
    LlmProviderException unreachable = errors.unreachable("gpt-4o-mini", new ConnectException(), true);

    assertEquals("openai could not be reached at " + ENDPOINT + " for model gpt-4o-mini: ConnectException"
        + " (is the server running, and is OPENAI_BASE_URL right?)", unreachable.getMessage());
  }

  @Test
  void readsTheErrorBodiesOfEitherApi() {
    assertEquals(Optional.of(new ErrorDetails("Rate limit reached", "rate_limit_exceeded")), ErrorDetails.parse(
        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
    assertEquals(Optional.of(new ErrorDetails("Overloaded", "overloaded_error")), ErrorDetails.parse(
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    assertEquals(Optional.of(new ErrorDetails("model not found", null)),
        ErrorDetails.parse("{\"error\":\"model not found\"}"));
    assertEquals(Optional.of(new ErrorDetails("bad input", "BadRequestError")),
        ErrorDetails.parse("{\"message\":\"bad input\",\"type\":\"BadRequestError\",\"code\":400}"));
    assertEquals(Optional.empty(), ErrorDetails.parse("<html>502 Bad Gateway</html>"));
    assertEquals(Optional.empty(), ErrorDetails.parse("{\"error\":{\"type\":\"api_error\"}}"));
  }

  @Test
  void aTimeoutKeepsTheTimersException() {
    TimeoutException expired = new TimeoutException();

    LlmTimeoutException timedOut = errors.timeout("gpt-4o-mini", Duration.ofMillis(200), expired);

    assertEquals(Duration.ofMillis(200), timedOut.timeout());
    assertSame(expired, timedOut.getCause());
  }

  @Test
  void anErrorStatusNamesTheServersCodeAndWait() {
    LlmProviderException failure = errors.errorStatus(
        429, "{\"error\":{\"message\":\"Slow down\",\"code\":\"rate_limit_exceeded\"}}", "gpt-4o-mini",
        Optional.of(Duration.ofSeconds(2)));

    assertEquals("openai returned 429 (rate_limit_exceeded) for model gpt-4o-mini: Slow down", failure.getMessage());
    assertEquals(Optional.of("rate_limit_exceeded"), failure.errorCode());
    assertEquals(Optional.of(Duration.ofSeconds(2)), failure.retryAfter());
  }
}
