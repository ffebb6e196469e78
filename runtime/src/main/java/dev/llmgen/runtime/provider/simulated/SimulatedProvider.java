package dev.llmgen.runtime.provider.simulated;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import dev.llmgen.catalog.ModelCatalog;
import dev.llmgen.catalog.ModelEntry;
import dev.llmgen.runtime.LlmException;
import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.LlmTimeoutException;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.RateLimitStatus;
import dev.llmgen.runtime.provider.StreamListener;
import dev.llmgen.runtime.provider.TokenUsage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A model inside the process, for demos and tests. It answers in the format asked for, with the
 * token counts and (scaled) latency a real model of that name would show, and injects rate limits,
 * server errors and timeouts at the configured rates. The same request always gets the same answer,
 * and the same token logprobs when it asks for them ({@link SimulatedLogprobs} says how sure each
 * model is); the faults follow a sequence seeded by {@link SimulatedSettings#seed()}. Streams hand
 * the answer over one token at a time ({@link TokenPieces}), spread over the model's latency. Answers
 * in free text, strings inside JSON answers and every error message say they are simulated.
 */
public final class SimulatedProvider implements LlmProvider {

  public static final String NAME = "simulated";

  private static final String FINISH_STOP = "stop";
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private static final double JITTER = 0.2;
  private static final String INJECTED = "; injected at the rate set in LLMGEN_SIMULATED_FAULTS";

  private final SimulatedSettings settings;
  private final ModelCatalog catalog;
  private final TokenCounter tokenCounter;
  private final Duration timeout;
  private final SimulatedLatency latency;
  private final SimulatedLogprobs logprobs;
  private final ModelTime time;
  private final SplittableRandom faultDraws;

  /** @param timeout how long a request may take unless it sets its own timeout */
  public SimulatedProvider(
      SimulatedSettings settings, ModelCatalog catalog, TokenCounter tokenCounter, Duration timeout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    PricePosition prices = new PricePosition(catalog);
    this.latency = new SimulatedLatency(prices);
    this.logprobs = new SimulatedLogprobs(prices);
    this.time = new ModelTime(settings.latencyScale());
    this.faultDraws = new SplittableRandom(settings.seed());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Completion> complete(ChatRequest request) {
    return respond(request, answer -> {
      Duration limit = timeoutOf(request);
      if (answer.total().compareTo(limit) > 0) {
        return after(limit, future -> future.completeExceptionally(timedOut(request)));
      }
      return after(answer.total(), future -> future.complete(answer.completion()));
    });
  }

  /**
   * Hands the answer over one token at a time, spread between the time to the first token and the time
   * of the whole answer. Faults fail the future before any text, as an error status would.
   */
  @Override
  public CompletableFuture<Completion> stream(ChatRequest request, StreamListener listener) {
    return respond(request, answer -> {
      Completion completion = answer.completion();
      List<TokenPieces.Piece> pieces = TokenPieces.of(encoding(request.model()), completion.text());
      return new SimulatedStream(
          completion, pieces, listener, time, answer.firstToken(), answer.total(), timeoutOf(request),
          timedOut(request)).start();
    });
  }

  /**
   * Draws the fault of this call and writes the answer; {@code deliver} hands over an answer that is not
   * a fault.
   */
  private CompletableFuture<Completion> respond(
      ChatRequest request, Function<TimedAnswer, CompletableFuture<Completion>> deliver) {
    Optional<SimulatedFault> fault = drawFault();
    RequestSeeds seeds = RequestSeeds.of(request);
    if (fault.isPresent()) {
      return injected(fault.get(), request, seeds);
    }
    String answer;
    try {
      answer = SimulatedAnswers.answer(request, new SplittableRandom(seeds.answer()));
    } catch (IllegalArgumentException e) {
      return after(Duration.ZERO, future -> future.completeExceptionally(badRequest(request, e)));
    }
    Completion completion = completion(request, answer, seeds);
    int outputTokens = completion.usage().orElseThrow().outputTokens();
    return deliver.apply(new TimedAnswer(
        completion, jittered(latency.firstToken(request.model()), seeds),
        jittered(latency.answer(request.model(), outputTokens), seeds)));
  }

  private Completion completion(ChatRequest request, String answer, RequestSeeds seeds) {
    Encoding encoding = encoding(request.model());
    String text = truncate(encoding, answer, request.maxTokens());
    int outputTokens = tokenCounter.count(encoding, text);
    TokenUsage usage = new TokenUsage(
        tokenCounter.countChatInput(encoding, request.system(), request.prompt()), 0, outputTokens, true);
    String finishReason = text.equals(answer) ? FINISH_STOP : Completion.FINISH_LENGTH;
    List<Double> tokenLogprobs = request.logprobs()
        ? logprobs.of(request.model(), outputTokens, new SplittableRandom(seeds.logprobs()))
        : List.of();
    return new Completion(
        text, request.model(), finishReason, Optional.of(usage), tokenLogprobs, RateLimitStatus.UNKNOWN);
  }

  private Encoding encoding(String model) {
    return tokenCounter.encoding(
        catalog.find(model).map(ModelEntry::tokenizer).orElse(TokenCounter.DEFAULT_TOKENIZER));
  }

  private Duration timeoutOf(ChatRequest request) {
    return request.timeout().orElse(timeout);
  }

  /** The answer cut to at most {@code maxTokens} tokens, as a model stops writing at its limit. */
  private String truncate(Encoding encoding, String answer, int maxTokens) {
    EncodingResult encoded = encoding.encode(answer, Math.max(maxTokens, 0));
    if (!encoded.isTruncated()) {
      return answer;
    }
    // A cut inside a multi-byte character decodes to U+FFFD; and re-encoding a cut text may merge
    // differently, so shorten until the count fits.
    String text = encoding.decode(encoded.getTokens()).replaceAll("\uFFFD+$", "");
    while (!text.isEmpty() && tokenCounter.count(encoding, text) > maxTokens) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  private Optional<SimulatedFault> drawFault() {
    double draw;
    synchronized (faultDraws) {
      draw = faultDraws.nextDouble();
    }
    double threshold = 0;
    for (SimulatedFault fault : SimulatedFault.values()) {
      threshold += settings.faultRates().getOrDefault(fault, 0.0);
      if (draw < threshold) {
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }

  private CompletableFuture<Completion> injected(SimulatedFault fault, ChatRequest request, RequestSeeds seeds) {
    Duration firstToken = jittered(latency.firstToken(request.model()), seeds);
    LlmException error = switch (fault) {
      case RATE_LIMIT -> new LlmProviderException(
          "simulated rate limit (HTTP 429) on model " + request.model() + ": retry after "
              + RETRY_AFTER.toSeconds() + " s" + INJECTED,
          NAME, request.model(), 429, "rate_limit_exceeded",
          errorBody("simulated rate limit", "requests", "rate_limit_exceeded"), RETRY_AFTER, null);
      case SERVER_ERROR -> new LlmProviderException(
          "simulated server error (HTTP 500) on model " + request.model() + INJECTED,
          NAME, request.model(), 500, "server_error",
          errorBody("simulated server error", "server_error", "server_error"), null, null);
      case TIMEOUT -> timedOut(request);
    };
    Duration delay = fault == SimulatedFault.TIMEOUT ? timeoutOf(request) : firstToken;
    return after(delay, future -> future.completeExceptionally(error));
  }

  private LlmTimeoutException timedOut(ChatRequest request) {
    return new LlmTimeoutException(NAME, request.model(), timeoutOf(request), null);
  }

  private static LlmProviderException badRequest(ChatRequest request, IllegalArgumentException cause) {
    return new LlmProviderException(
        "simulated model " + request.model() + " cannot answer in the requested format: " + cause.getMessage(),
        NAME, request.model(), 400, "invalid_request_error",
        errorBody(cause.getMessage(), "invalid_request_error", "invalid_request_error"), null, cause);
  }

  /** A body excerpt shaped like OpenAI's error bodies, for code that shows or parses it. */
  private static String errorBody(String message, String type, String code) {
    return "{\"error\":{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"type\":\"" + type + "\",\"code\":\"" + code + "\"}}";
  }

  private static Duration jittered(Duration duration, RequestSeeds seeds) {
    double factor = 1 - JITTER + 2 * JITTER * new SplittableRandom(seeds.jitter()).nextDouble();
    return Duration.ofNanos(Math.round(duration.toNanos() * factor));
  }

  /** A future settled by {@code outcome} once {@code modelTime} has passed, see {@link ModelTime}. */
  private CompletableFuture<Completion> after(Duration modelTime, Consumer<CompletableFuture<Completion>> outcome) {
    CompletableFuture<Completion> future = new CompletableFuture<>();
    time.after(modelTime, () -> outcome.accept(future));
    return future;
  }

  /** An answer and when, in model time, its first token and its end are due. */
  private record TimedAnswer(Completion completion, Duration firstToken, Duration total) {}

  /** Independent seeds from a SHA-256 of everything that shapes the answer. */
  private record RequestSeeds(long answer, long jitter, long logprobs) {

    static RequestSeeds of(ChatRequest request) {
      MessageDigest digest = sha256();
      for (String field : new String[] {
          request.model(), request.system(), request.prompt(), request.responseFormat().toString()}) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
      }
      ByteBuffer hash = ByteBuffer.wrap(digest.digest());
      return new RequestSeeds(hash.getLong(0), hash.getLong(Long.BYTES), hash.getLong(2 * Long.BYTES));
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform provides SHA-256", e);
      }
    }
  }
}
