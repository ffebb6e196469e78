package dev.llmgen.runtime.metrics;

import dev.llmgen.runtime.Attempt;
import dev.llmgen.runtime.LlmResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What every call cost, attributed to its user, its feature (service method), each model it asked and
 * its day, and queryable along any of them with a {@link CostQuery}. A call that asked several models
 * (a fallback, the steps of a cascade) is charged to each model for its own turn, retries included, so
 * {@code byModel} says what each model really cost. A cascade's LLM judge is a call of its own, under
 * the feature {@code <feature>.judge} and the judge's model, so its cost is not charged to the answer it
 * scored as well.
 *
 * <p>Held in memory, one entry per day, feature, model and user, for the last
 * {@code LLMGEN_COST_LEDGER_DAYS} days, {@link #DEFAULT_RETENTION_DAYS} unless set (days in the zone of
 * the runtime's {@link Clock}, the budgets' zone). Thread-safe: recording locks one entry only, and queries see every call completed before them.
 */
public final class CostLedger {

  /** The user of calls made without a {@code @UserId}. */
  public static final String NO_USER = "(none)";

  /** How many days are kept unless {@code LLMGEN_COST_LEDGER_DAYS} says otherwise. */
  public static final int DEFAULT_RETENTION_DAYS = 31;

  private final Clock clock;
  private final int retentionDays;
  // By day first, so that a day is dropped at once and a query for some days reads only those.
  private final ConcurrentMap<LocalDate, ConcurrentMap<Key, Entry>> days = new ConcurrentHashMap<>();
  private volatile Today today;

  /**
   * @param clock its zone decides when days begin
   * @param retentionDays how many days are kept, today included
   */
  public CostLedger(Clock clock, int retentionDays) {
    if (retentionDays < 1) {
      throw new IllegalArgumentException("the ledger must keep at least today, not " + retentionDays + " days");
    }
    this.clock = clock;
    this.retentionDays = retentionDays;
    this.today = Today.at(clock.millis(), clock.getZone());
  }

  /** Everything the calls {@code query} selects consumed. */
  public CostTotals total(CostQuery query) {
    CostTotals[] total = {CostTotals.NONE};
    forEachMatching(query, (key, totals) -> total[0] = total[0].plus(totals));
    return total[0];
  }

  /** The calls {@code query} selects, by {@code @UserId}; calls without one are under {@link #NO_USER}. */
  public SortedMap<String, CostTotals> byUser(CostQuery query) {
    return grouped(query, Key::user);
  }

  /** The calls {@code query} selects, by feature, e.g. {@code SupportBot.answer}. */
  public SortedMap<String, CostTotals> byFeature(CostQuery query) {
    return grouped(query, Key::feature);
  }

  /** The calls {@code query} selects, by model as the provider knows it. */
  public SortedMap<String, CostTotals> byModel(CostQuery query) {
    return grouped(query, Key::model);
  }

  /** The calls {@code query} selects, by day. */
  public SortedMap<LocalDate, CostTotals> byDay(CostQuery query) {
    return grouped(query, Key::day);
  }

  /** The day calls are recorded under now. */
  public LocalDate today() {
    return currentDay();
  }

  /**
   * Records an answered call: each model's turn under that model, and the call itself under the model
   * that answered. An answer from the cache is a call that cost nothing.
   */
  void recordAnswer(String feature, String user, LlmResult<?> result) {
    LocalDate day = currentDay();
    String who = user == null ? NO_USER : user;
    if (result.fromCache()) {
      entry(day, feature, result.model(), who).add(1, 0, 1, 0, 0, 0, 0, 0);
      return;
    }
    for (Attempt turn : result.attempts()) {
      int calls = turn.outcome().answered() ? 1 : 0;
      entry(day, feature, turn.model(), who).add(calls, 0, 0, turn.requests(), turn.inputTokens(),
          turn.cachedInputTokens(), turn.outputTokens(), turn.costNanos());
    }
  }

  /**
   * Records a failed call under {@code failedModel}, and each model's turn under that model: the
   * requests it sent and, when an answer was paid for (one that could not be decoded, a cascade's that
   * all fell short), what it cost.
   */
  void recordFailure(String feature, String user, String failedModel, List<Attempt> turns) {
    LocalDate day = currentDay();
    String who = user == null ? NO_USER : user;
    entry(day, feature, failedModel, who).add(1, 1, 0, 0, 0, 0, 0, 0);
    for (Attempt turn : turns) {
      entry(day, feature, turn.model(), who).add(0, 0, 0, turn.requests(), turn.inputTokens(),
          turn.cachedInputTokens(), turn.outputTokens(), turn.costNanos());
    }
  }

  private Entry entry(LocalDate day, String feature, String model, String user) {
    return days.computeIfAbsent(day, unused -> new ConcurrentHashMap<>())
        .computeIfAbsent(new Key(day, feature, model, user), key -> new Entry());
  }

  private <K extends Comparable<? super K>> SortedMap<K, CostTotals> grouped(CostQuery query, Function<Key, K> dimension) {
    SortedMap<K, CostTotals> groups = new TreeMap<>();
    forEachMatching(query, (key, totals) -> groups.merge(dimension.apply(key), totals, CostTotals::plus));
    return groups;
  }

  private void forEachMatching(CostQuery query, BiConsumer<Key, CostTotals> action) {
    for (var day : days.entrySet()) {
      if (query.includes(day.getKey())) {
        day.getValue().forEach((key, entry) -> {
          if (query.matches(key)) {
            action.accept(key, entry.totals());
          }
        });
      }
    }
  }

  /** Today, worked out again only when the clock has left the day known; a new day drops the oldest. */
  private LocalDate currentDay() {
    long now = clock.millis();
    Today known = today;
    if (known.contains(now)) {
      return known.day();
    }
    Today current = Today.at(now, clock.getZone());
    today = current;
    LocalDate oldestKept = current.day().minusDays(retentionDays - 1L);
    days.keySet().removeIf(day -> day.isBefore(oldestKept));
    return current.day();
  }

  /** Where one entry is kept: a day, a feature, a model and a user. */
  record Key(LocalDate day, String feature, String model, String user) {}

  /** The running totals of one key. */
  private static final class Entry {
    private long calls;
    private long failures;
    private long cacheHits;
    private long requests;
    private long inputTokens;
    private long cachedInputTokens;
    private long outputTokens;
    private long costNanos;

    synchronized void add(long calls, long failures, long cacheHits, long requests, long inputTokens,
        long cachedInputTokens, long outputTokens, long costNanos) {
      this.calls += calls;
      this.failures += failures;
      this.cacheHits += cacheHits;
      this.requests += requests;
      this.inputTokens += inputTokens;
      this.cachedInputTokens += cachedInputTokens;
      this.outputTokens += outputTokens;
      this.costNanos += costNanos;
    }

    synchronized CostTotals totals() {
      return new CostTotals(
          calls, failures, cacheHits, requests, inputTokens, cachedInputTokens, outputTokens, costNanos);
    }
  }

  /** A day and the instants it spans, in milliseconds since the epoch: [start, end). */
  private record Today(LocalDate day, long startMillis, long endMillis) {

    static Today at(long millis, ZoneId zone) {
      LocalDate day = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
      return new Today(day, day.atStartOfDay(zone).toInstant().toEpochMilli(),
          day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    boolean contains(long millis) {
      return millis >= startMillis && millis < endMillis;
    }
  }
}
