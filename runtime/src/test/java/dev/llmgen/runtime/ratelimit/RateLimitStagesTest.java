package dev.llmgen.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.FakeScheduler;
import dev.llmgen.runtime.FakeTicker;
import dev.llmgen.runtime.format.OutputFormat;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitStagesTest {

  private final FakeTicker ticker = new FakeTicker();
  private final RateLimitStages stages = new RateLimitStages(ticker, new FakeScheduler(ticker));

  @Test
  void aMethodWithoutRateLimitGetsNoStage() {
    CallSpec<String> spec = CallSpec.builder("Bot.greet", "gpt-4o-mini", 10, OutputFormat.text()).build();

    assertEquals(Optional.empty(), stages.stageFor(spec, null));
  }

  @Test
  void aMethodBoundTwiceKeepsOneLimit() {
    CallSpec<String> spec = CallSpec.builder("Bot.greet", "gpt-4o-mini", 10, OutputFormat.text())
        .rateLimit(new RateLimitPolicy(10, RateLimitPolicy.NO_LIMIT, false, Duration.ZERO))
        .build();

    assertSame(stages.stageFor(spec, null).orElseThrow(), stages.stageFor(spec, null).orElseThrow());
    assertEquals(new RateLimitStatistics(0, 0, Duration.ZERO, 0), stages.statistics().get("Bot.greet"));
  }
}
