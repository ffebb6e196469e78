package dev.llmgen.runtime.provider.http;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.llmgen.runtime.LlmProviderException;
import dev.llmgen.runtime.provider.Completion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A provider's answers in its tests, waited for no longer than {@link FakeHttpServer#WAIT_SECONDS}. */
public final class Answers {

  private Answers() {}

  public static Completion await(CompletableFuture<Completion> future) throws Exception {
    return future.get(FakeHttpServer.WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The exception the future itself failed with, which must be ours rather than a wrapper. */
  public static LlmProviderException failure(CompletableFuture<Completion> future) throws Exception {
    Throwable failure = future.handle((completion, error) -> error).get(FakeHttpServer.WAIT_SECONDS, TimeUnit.SECONDS);
    return assertInstanceOf(LlmProviderException.class, failure);
  }
}
