package dev.llmgen.runtime.provider.http;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.provider.Completion;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** What one provider makes of what came back from its API, for {@link AnswerExchange}. */
public interface ExchangeDecoder {

  /**
   * The completion of a response read whole.
   *
   * @throws LlmProviderException for an error status, a refusal or a body that is not an answer
   */
  Completion decode(HttpResponse<String> response, String model);

  /** The exception of a response with an error status, read whole in place of the stream asked for. */
  LlmProviderException errorStatus(int status, HttpHeaders headers, String body, String model);

  /**
   * The exception of an exchange that failed before the answer was complete: a server that could not
   * be reached, a broken connection, the JDK's own request timeout.
   *
   * @param timeout the request's timeout
   */
  LlmProviderException transportFailure(Throwable failure, String model, Duration timeout);

  /** The exception of an exchange that was not over within {@code timeout}, body included. */
  LlmProviderException timeout(String model, Duration timeout, TimeoutException expired);
}
