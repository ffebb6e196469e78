package dev.llmgen.runtime.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {

  private static final ResilienceSettings DEFAULTS = ResilienceSettings.DEFAULTS;

  @Test
  void theDefaultsAreThoseDocumented() {
    assertEquals(
        new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60)),
        DEFAULTS.retry());
    assertEquals(new CircuitBreakerPolicy(50, 20, 10, Duration.ofSeconds(30), 3), DEFAULTS.circuitBreaker());
    assertTrue(DEFAULTS.adaptiveLimiting());
  }

  @Test
  void aMethodWithoutRetryGetsTheDefaults() {
    assertEquals(DEFAULTS.retry(), DEFAULTS.retryPolicy(RetryOverrides.NONE));
  }

  @Test
  void aMethodsRetryReplacesOnlyWhatItSets() {
    RetryOverrides overrides =
        new RetryOverrides(OptionalInt.of(5), Optional.empty(), Optional.of(Duration.ofSeconds(10)));

    assertEquals(
        new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10), 0.5, Duration.ofSeconds(60)),
        DEFAULTS.retryPolicy(overrides));
  }

  @Test
  void aBackoffAboveTheDefaultCapRaisesTheCap() {
    RetryOverrides overrides =
        new RetryOverrides(OptionalInt.empty(), Optional.of(Duration.ofMinutes(1)), Optional.empty());

    RetryPolicy policy = DEFAULTS.retryPolicy(overrides);

    assertEquals(Duration.ofMinutes(1), policy.backoff());
    assertEquals(Duration.ofMinutes(1), policy.maxBackoff());
  }

  @Test
  void aMethodCannotCapItsWaitsBelowItsBackoff() {
    RetryOverrides overrides = new RetryOverrides(
        OptionalInt.empty(), Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(2)));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.retryPolicy(overrides));

    assertEquals("maxBackoff (PT2S) must not be shorter than backoff (PT5S)", e.getMessage());
  }

  @Test
  void impossibleRetryPoliciesAreRefused() {
    Duration second = Duration.ofSeconds(1);
    assertEquals("maxAttempts must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(0, second, second, 0.5, second)).getMessage());
    assertEquals("backoff must be longer than zero, not PT0S", assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ZERO, second, 0.5, second)).getMessage());
    assertEquals("jitter must be at least 0 and below 1, not 1.0", assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(3, second, second, 1, second)).getMessage());
  }

  @Test
  void impossibleCircuitBreakerPoliciesAreRefused() {
    Duration second = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerPolicy(0, 20, 10, second, 3));
    assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerPolicy(101, 20, 10, second, 3));
    assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerPolicy(50, 0, 10, second, 3));
    assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerPolicy(50, 20, 10, Duration.ZERO, 3));
    assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerPolicy(50, 20, 10, second, 0));
  }
}
