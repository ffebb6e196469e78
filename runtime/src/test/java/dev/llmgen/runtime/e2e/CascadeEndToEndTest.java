package dev.llmgen.runtime.e2e;

import static dev.llmgen.runtime.e2e.EndToEnd.await;
import static dev.llmgen.runtime.e2e.EndToEnd.prices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.LlmMethod;
import dev.llmgen.runtime.LlmResult;
import dev.llmgen.runtime.cascade.CascadePolicy;
import dev.llmgen.runtime.cascade.ConfidenceScorer;
import dev.llmgen.runtime.e2e.OpenAiReplies.Token;
import dev.llmgen.runtime.format.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cascade scored on the log-probabilities the server returns, over HTTP. */
class CascadeEndToEndTest {

  private static final int PROMPT_TOKENS = 412;

  private final EndToEnd e2e = new EndToEnd();

  @AfterEach
  void stopServers() {
    e2e.close();
  }

  @Test
  void anUnsureAnswerOfTheCheapModelIsRejectedAndTheStrongModelAnswersBothPaidFor() throws Exception {
    List<Token> unsure = List.of(new Token("Ref", -0.9), new Token("und", -1.3), new Token(".", -1.1));
    List<Token> sure = List.of(new Token("Exchange", -0.01), new Token(".", -0.03));
    e2e.openAi().enqueue(OpenAiReplies.answer("gpt-4o-mini-2024-07-18", unsure, PROMPT_TOKENS));
    e2e.openAi().enqueue(OpenAiReplies.answer("gpt-4o-2024-08-06", sure, PROMPT_TOKENS));
    CallSpec<String> spec = CallSpec.builder("Desk.resolve", "gpt-4o-mini", 20, OutputFormat.text())
        .cascade(new CascadePolicy(List.of("gpt-4o-mini", "gpt-4o"), 0.8, false))
        .build();
    LlmMethod<String> method = e2e.runtime().bind(spec, new ConfidenceScorer());

    LlmResult<String> result = await(method.callForResultAsync("Resolve ticket 1042: wrong size delivered.", "ada"));

    assertEquals("Exchange.", result.value());
    assertEquals("gpt-4o", result.model());
    List<Attempt> attempts = result.attempts();
    assertEquals(2, attempts.size(), attempts.toString());
    Attempt cheap = attempts.get(0);
    assertEquals("gpt-4o-mini", cheap.model());
    assertEquals(Attempt.Outcome.REJECTED, cheap.outcome());
    assertEquals(Math.exp(-1.1), cheap.score().orElseThrow(), 1e-9, "the geometric mean of its token probabilities");
    assertTrue(cheap.score().orElseThrow() < 0.8);
    Attempt strong = attempts.get(1);
    assertEquals("gpt-4o", strong.model());
    assertEquals(Attempt.Outcome.ANSWERED, strong.outcome());
    assertEquals(Math.exp(-0.02), strong.score().orElseThrow(), 1e-9);
    long cheapCost = prices("gpt-4o-mini").costNanos(PROMPT_TOKENS, 0, 0, unsure.size());
    long strongCost = prices("gpt-4o").costNanos(PROMPT_TOKENS, 0, 0, sure.size());
    assertEquals(cheapCost, cheap.costNanos());
    assertEquals(strongCost, strong.costNanos());
    assertEquals(cheapCost + strongCost, result.costNanos());
    for (String model : List.of("gpt-4o-mini", "gpt-4o")) {
      JsonNode request = e2e.openAi().takeRequest().json();
      assertEquals(model, request.path("model").textValue());
      assertTrue(request.path("logprobs").booleanValue(), "the scorer needs them: " + request);
    }
  }
}
