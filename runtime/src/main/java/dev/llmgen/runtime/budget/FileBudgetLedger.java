package dev.llmgen.runtime.budget;

import dev.llmgen.runtime.budget.MemoryBudgetLedger.ClaimedAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A ledger that survives restarts and kills: its state lives in memory and every change is first
 * appended to a journal on local disk (see {@link JournalFile}), one record per change:
 * <pre>
 * R id amount window...    a reservation of amount nanodollars in each window
 * S id actual              its settlement to the real cost
 * A window limitName limit an alert that fired
 * T window spent           a window's settled spending, written by compaction
 * </pre>
 * Opening replays the journal, counts every reservation that was never settled (the process stopped
 * during its call) as spent at its full amount, since the provider may have billed it, and compacts the
 * journal to one {@code T} per window of the current month and one {@code A} per alert.
 */
public final class FileBudgetLedger implements BudgetLedger, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FileBudgetLedger.class.getName());

  private final MemoryBudgetLedger book;
  private final JournalFile journal;

  private FileBudgetLedger(MemoryBudgetLedger book, JournalFile journal) {
    this.book = book;
    this.journal = journal;
  }

  /**
   * Opens the ledger kept in {@code file}, creating it and its directory if needed. One process at a
   * time may use a file.
   *
   * @param clock windows that ended before its current month are dropped
   * @param fsync force every record to the disk, so that it survives a power cut too, at the price of
   *     a disk flush per record; a killed process loses nothing either way
   */
  public static FileBudgetLedger open(Path file, Clock clock, boolean fsync) throws IOException {
    MemoryBudgetLedger book = replay(file);
    book.dropBefore(YearMonth.now(clock));
    return new FileBudgetLedger(book, JournalFile.rewrite(file, compacted(book), fsync));
  }

  @Override
  public Outcome reserve(long amountNanos, List<WindowLimit> limits) {
    Outcome outcome = book.reserve(amountNanos, limits);
    if (outcome instanceof Reservation reservation) {
      try {
        journal.append("R " + reservation.id() + ' ' + amountNanos + ' ' + keys(reservation.windows()));
      } catch (IOException e) {
        book.release(reservation);
        throw new UncheckedIOException("cannot journal a budget reservation", e);
      }
    }
    return outcome;
  }

  @Override
  public void settle(Reservation reservation, long actualNanos) {
    book.settle(reservation, actualNanos);
    // Should this write fail, the journal still holds the reservation, which a restart counts in full.
    append("S " + reservation.id() + ' ' + actualNanos);
  }

  @Override
  public boolean claimAlert(BudgetWindow window, String limitName, long limitNanos) {
    boolean first = book.claimAlert(window, limitName, limitNanos);
    if (first) {
      append(alertRecord(new ClaimedAlert(window, limitName, limitNanos)));
    }
    return first;
  }

  @Override
  public Totals totals(BudgetWindow window) {
    return book.totals(window);
  }

  @Override
  public Map<BudgetWindow, Totals> windows() {
    return book.windows();
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }

  private void append(String record) {
    try {
      journal.append(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot journal '" + record + "'", e);
    }
  }

  /** The state {@code file} records, with every reservation settled. */
  private static MemoryBudgetLedger replay(Path file) throws IOException {
    MemoryBudgetLedger book = new MemoryBudgetLedger();
    Map<Long, Reservation> unsettled = new HashMap<>();
    for (String record : JournalFile.read(file)) {
      try {
        apply(record.split(" "), book, unsettled);
      } catch (RuntimeException e) {
        throw new IOException(file + ": cannot replay the record '" + record + "': " + e.getMessage(), e);
      }
    }
    for (Reservation reservation : unsettled.values()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: a call that reserved {1} in {2} was never settled, as the"
          + " process stopped during it; counting the reservation as spent", file,
          Dollars.format(reservation.amountNanos()), keys(reservation.windows()));
      book.settle(reservation, reservation.amountNanos());
    }
    return book;
  }

  /** Applies one record; {@code unsettled} maps the journal's reservation ids to the book's. */
  private static void apply(String[] fields, MemoryBudgetLedger book, Map<Long, Reservation> unsettled) {
    switch (fields[0]) {
      case "R" -> unsettled.put(Long.parseLong(fields[1]), book.hold(Long.parseLong(fields[2]),
          Arrays.stream(fields, 3, fields.length).map(BudgetWindow::parse).toList()));
      case "S" -> {
        Reservation reservation = unsettled.remove(Long.parseLong(fields[1]));
        if (reservation == null) {
          throw new IllegalArgumentException("no reservation " + fields[1] + " to settle");
        }
        book.settle(reservation, Long.parseLong(fields[2]));
      }
      case "A" -> book.claimAlert(BudgetWindow.parse(fields[1]), fields[2], Long.parseLong(fields[3]));
      case "T" -> {
        long spent = Long.parseLong(fields[2]);
        book.settle(book.hold(spent, List.of(BudgetWindow.parse(fields[1]))), spent);
      }
      default -> throw new IllegalArgumentException("unknown record type " + fields[0]);
    }
  }

  /** The journal's records once every reservation is settled: each window's total and each alert. */
  private static List<String> compacted(MemoryBudgetLedger book) {
    Stream<String> totals = book.windows().entrySet().stream()
        .map(window -> "T " + window.getKey().key() + ' ' + window.getValue().spentNanos());
    Stream<String> alerts = book.claimedAlerts().stream()
        .sorted(Comparator.comparing(ClaimedAlert::window).thenComparing(ClaimedAlert::limitName)
            .thenComparingLong(ClaimedAlert::limitNanos))
        .map(FileBudgetLedger::alertRecord);
    return Stream.concat(totals, alerts).toList();
  }

  private static String alertRecord(ClaimedAlert alert) {
    return "A " + alert.window().key() + ' ' + alert.limitName() + ' ' + alert.limitNanos();
  }

  private static String keys(List<BudgetWindow> windows) {
    return windows.stream().map(BudgetWindow::key).collect(Collectors.joining(" "));
  }
}
