package dev.llmgen.runtime.resilience;

import dev.llmgen.runtime.FakeTicker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that reads a {@link FakeTicker}, so that one fake scheduler moves every kind of time at once. */
final class TickerClock extends Clock {

  private final FakeTicker ticker;

  TickerClock(FakeTicker ticker) {
    this.ticker = ticker;
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(ticker.nanoTime());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the runtime's clock keeps its zone");
  }
}
