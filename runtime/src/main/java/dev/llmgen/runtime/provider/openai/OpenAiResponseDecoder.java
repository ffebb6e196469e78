package dev.llmgen.runtime.provider.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.config.ApiKey;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.format.Json;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.TokenUsage;
import dev.llmgen.runtime.provider.http.ExchangeDecoder;
import dev.llmgen.runtime.provider.http.ProviderErrors;
import dev.llmgen.runtime.provider.http.ProviderErrors.ErrorDetails;
import dev.llmgen.runtime.provider.http.RetryAfter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns what came back from a Chat Completions endpoint, an HTTP response, a streamed chunk or a
 * transport failure, into a {@link Completion} or an {@link LlmProviderException}. What it shows of a
 * body passes through {@link ProviderErrors}, which blanks out the {@link ApiKey}: servers and proxies
 * sometimes echo it.
 */
final class OpenAiResponseDecoder implements ExchangeDecoder {

  // What is wrong with a malformed answer, after "the {status}".
  private static final String NOT_A_COMPLETION = "body is not a Chat Completions response";
  private static final String NOT_A_CHUNK = "stream has an event that is not a Chat Completions chunk";

  private final ProviderErrors errors;
  private final Clock clock;

  OpenAiResponseDecoder(URI endpoint, Optional<ApiKey> apiKey, Clock clock) {
    this.errors = new ProviderErrors(OpenAiChatProvider.NAME, endpoint, apiKey, LlmSettings.OPENAI_BASE_URL);
    this.clock = clock;
  }

  /** @throws LlmProviderException for an error status, a refusal or a body that is not a completion */
  @Override
  public Completion decode(HttpResponse<String> response, String model) {
    String body = Objects.requireNonNullElse(response.body(), "");
    Reply reply = new Reply(response.statusCode(), response.headers(), body, model);
    if (reply.status() / 100 != 2) {
      throw errorStatus(reply.status(), reply.headers(), body, model);
    }
    try {
      return toCompletion(reply, Json.MAPPER.readValue(reply.body(), ChatCompletionBody.class));
    } catch (JsonProcessingException e) {
      throw errors.unreadable(reply.status(), body, model, NOT_A_COMPLETION, e);
    } catch (IllegalArgumentException e) { // impossible token counts
      throw malformed(reply, NOT_A_COMPLETION, e.getMessage(), e);
    }
  }

  /**
   * One chunk of a streamed answer, from the data of a server-sent event, read in one pass.
   *
   * @param event the event's data as the body, with the status and headers of the stream's response
   * @throws LlmProviderException when the event carries an error (a server failing mid-answer) or is
   *     not a chunk
   */
  StreamChunk chunk(Reply event) {
    ChatCompletionChunk chunk;
    try {
      chunk = Json.MAPPER.readValue(event.body(), ChatCompletionChunk.class);
    } catch (JsonProcessingException e) {
      throw errors.unreadable(event.status(), event.body(), event.model(), NOT_A_CHUNK, e);
    }
    if (chunk == null) {
      throw malformed(event, NOT_A_CHUNK, "not a JSON object", null);
    }
    if (chunk.error() != null) {
      throw streamError(event);
    }
    try {
      // Fails here, on the chunk that is wrong, for impossible counts.
      return new StreamChunk(chunk.model(), chunk.choice(), Usage.tokenUsage(chunk.usage()));
    } catch (IllegalArgumentException e) {
      throw malformed(event, NOT_A_CHUNK, e.getMessage(), e);
    }
  }

  /** An error the server sent inside a stream it had started with a 2xx status. */
  LlmProviderException streamError(Reply event) {
    Optional<ErrorDetails> error = ErrorDetails.parse(event.body());
    String code = error.map(ErrorDetails::code).orElse(null);
    return errors.fromBody(
        OpenAiChatProvider.NAME + " sent an error" + (code == null ? "" : " (" + code + ")") + " in the stream for"
            + " model " + event.model(),
        event.status(), event.model(), event.body(), error, null, null);
  }

  /** The exception of a response with an error status: its code, message and {@code Retry-After} hint. */
  @Override
  public LlmProviderException errorStatus(int status, HttpHeaders headers, String body, String model) {
    return errors.errorStatus(status, body, model, RetryAfter.read(headers, clock.instant()));
  }

  /**
   * A stream that ended before the model finished: a proxy or the server cut it short.
   *
   * @param reply the stream's response, with the text received so far as its body
   */
  LlmProviderException truncatedStream(Reply reply) {
    return errors.endedEarly(reply.status(), reply.model(), "no finish reason, no [DONE]", reply.body().length());
  }

  /** A structured-output refusal: the model declined, so there is no answer to decode. */
  LlmProviderException refusal(Reply reply, String refusal) {
    return errors.refusal(reply.model(), reply.status(), refusal, reply.body());
  }

  @Override
  public LlmProviderException transportFailure(Throwable failure, String model, Duration timeout) {
    return errors.transportFailure(failure, model, timeout);
  }

  @Override
  public LlmTimeoutException timeout(String model, Duration timeout, TimeoutException expired) {
    return errors.timeout(model, timeout, expired);
  }

  private Completion toCompletion(Reply reply, ChatCompletionBody completion) {
    if (completion == null || completion.choices() == null || completion.choices().isEmpty()) {
      throw malformed(reply, NOT_A_COMPLETION, "no choices", null);
    }
    ChatCompletionBody.Choice choice = completion.choices().get(0);
    if (choice == null || choice.message() == null) {
      throw malformed(reply, NOT_A_COMPLETION, "no message in the first choice", null);
    }
    if (choice.message().refusal() != null) {
      throw refusal(reply, choice.message().refusal());
    }
    return new Completion(
        choice.message().content(), Objects.requireNonNullElse(completion.model(), reply.model()),
        choice.finishReason(), Usage.tokenUsage(completion.usage()), Logprobs.values(choice.logprobs()),
        RateLimitHeaders.read(reply.headers()));
  }

  /** @param what what is wrong, after "the {status}": {@link #NOT_A_COMPLETION} or {@link #NOT_A_CHUNK} */
  private LlmProviderException malformed(Reply reply, String what, String reason, Throwable cause) {
    return errors.malformed(reply.status(), reply.body(), reply.model(), what, reason, cause);
  }

  /** One HTTP answer, or one event of a streamed one, and the model it was for. */
  record Reply(int status, HttpHeaders headers, String body, String model) {}

  /** What a streamed chunk says: the answering model, the first choice, and the usage once it is reported. */
  record StreamChunk(String model, Optional<ChatCompletionChunk.ChunkChoice> choice, Optional<TokenUsage> usage) {}

  /** The parts of a Chat Completions response llmgen reads; Jackson skips the rest. */
  record ChatCompletionBody(String model, List<Choice> choices, Usage usage) {

    record Choice(Message message, Logprobs logprobs, @JsonProperty("finish_reason") String finishReason) {}

    record Message(String content, String refusal) {}
  }

  /**
   * The parts of a streamed chunk llmgen reads. With {@code stream_options.include_usage} the last chunk
   * before {@code [DONE]} has no choices and the usage of the whole answer. An {@code error} in place of
   * a chunk is a server failing mid-answer.
   */
  record ChatCompletionChunk(String model, List<ChunkChoice> choices, Usage usage, JsonNode error) {

    record ChunkChoice(Delta delta, Logprobs logprobs, @JsonProperty("finish_reason") String finishReason) {}

    record Delta(String content, String refusal) {}

    /** The first choice, which is the only one llmgen asks for; empty in the usage chunk. */
    Optional<ChunkChoice> choice() {
      return choices == null || choices.isEmpty() ? Optional.empty() : Optional.ofNullable(choices.get(0));
    }
  }

  record Usage(
      @JsonProperty("prompt_tokens") Integer promptTokens,
      @JsonProperty("completion_tokens") Integer completionTokens,
      @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails) {

    record PromptTokensDetails(@JsonProperty("cached_tokens") Integer cachedTokens) {}

    /**
     * Empty when the server reported no usage (llama.cpp, older Ollama, streams without
     * {@code include_usage}) or only part of it; llmgen then counts the tokens itself.
     *
     * @throws IllegalArgumentException for impossible counts
     */
    static Optional<TokenUsage> tokenUsage(Usage usage) {
      if (usage == null || usage.promptTokens() == null || usage.completionTokens() == null) {
        return Optional.empty();
      }
      PromptTokensDetails details = usage.promptTokensDetails();
      int cached = details == null || details.cachedTokens() == null ? 0 : details.cachedTokens();
      return Optional.of(new TokenUsage(usage.promptTokens(), cached, usage.completionTokens(), true));
    }
  }

  /** The log-probabilities of a choice's tokens, when the request asked for them. */
  record Logprobs(List<TokenLogprob> content) {

    record TokenLogprob(Double logprob) {}

    /** The log-probability of each token; empty when the server sent none. */
    static List<Double> values(Logprobs logprobs) {
      if (logprobs == null || logprobs.content() == null) {
        return List.of();
      }
      return logprobs.content().stream()
          .filter(token -> token != null && token.logprob() != null)
          .map(TokenLogprob::logprob)
          .toList();
    }
  }
}
