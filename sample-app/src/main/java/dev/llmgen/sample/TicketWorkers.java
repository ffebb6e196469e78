package dev.llmgen.sample;

import dev.llmgen.runtime.chain.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Works on many tickets at once; a ticket that fails does not stop the others. */
final class TicketWorkers {

  private TicketWorkers() {}

  /**
   * The outcome of {@code work} on each ticket, in the order given, with at most {@code concurrency}
   * tickets started at a time.
   *
   * @param failed the outcome of a ticket whose work threw or failed, from the failure's cause
   */
  static <R> List<R> each(List<Ticket> tickets, int concurrency, Function<Ticket, CompletableFuture<R>> work,
      BiFunction<Ticket, Throwable, R> failed) {
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    try {
      List<CompletableFuture<R>> outcomes = new ArrayList<>();
      for (Ticket ticket : tickets) {
        outcomes.add(CompletableFuture.supplyAsync(() -> work.apply(ticket), workers)
            .thenCompose(future -> future)
            .exceptionally(failure -> failed.apply(ticket, Failures.unwrap(failure))));
      }
      return outcomes.stream().map(CompletableFuture::join).toList();
    } finally {
      workers.shutdown();
    }
  }
}
