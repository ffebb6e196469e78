package dev.llmgen.processor;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.provider.ChatRequest;
import dev.llmgen.runtime.provider.Completion;
import dev.llmgen.runtime.provider.LlmProvider;
import dev.llmgen.runtime.provider.ProviderRouter;
import dev.llmgen.runtime.provider.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A provider that answers from a script and keeps every request it was sent. */
final class ScriptedProvider implements LlmProvider {

  private final Deque<CompletableFuture<Completion>> answers = new ArrayDeque<>();
  private final List<ChatRequest> requests = new ArrayList<>();

  /** The runtime's module, default settings, with every model served by this provider. */
  Module runtimeModule() {
    return Modules.override(new LlmRuntimeModule(ConfigSource.of(Map.of())))
        .with(binder -> binder.bind(ProviderRouter.class).toInstance(ProviderRouter.everyModelTo(this)));
  }

  @Override
  public String name() {
    return "scripted";
  }

  ScriptedProvider answer(String text) {
    return answer(text, new TokenUsage(10, 0, 5, true));
  }

  ScriptedProvider answer(String text, TokenUsage usage) {
    answers.add(CompletableFuture.completedFuture(new Completion(text, "scripted-model", "stop", Optional.of(usage))));
    return this;
  }

  ScriptedProvider answer(CompletableFuture<Completion> pending) {
    answers.add(pending);
    return this;
  }

  ScriptedProvider fail(RuntimeException failure) {
    answers.add(CompletableFuture.failedFuture(failure));
    return this;
  }

  @Override
  public synchronized CompletableFuture<Completion> complete(ChatRequest request) {
    requests.add(request);
    CompletableFuture<Completion> answer = answers.poll();
    // A provider fails its future rather than throwing, so a test that asks too much fails instead of hanging.
    return answer != null
        ? answer
        : CompletableFuture.failedFuture(new AssertionError("no scripted answer left for " + request));
  }

  synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized ChatRequest lastRequest() {
    return requests.get(requests.size() - 1);
  }
}
