package dev.llmgen.sample;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.llmgen.runtime.LlmConfigurationException;
import dev.llmgen.runtime.LlmRuntime;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.metrics.CallStatistics;
import java.io.PrintStream;
import java.util.List;

/**
 * Triages the bundled tickets and prints what it did and what it cost. Runs on the simulated model
 * unless the environment names a real provider (see docs/configuration.md).
 *
 * <p>Arguments: {@code [tickets] [concurrency]}, by default every bundled ticket, 64 at a time.
 */
public final class TriageApp {

  private static final int DEFAULT_CONCURRENCY = 64;

  private TriageApp() {}

  public static void main(String[] args) {
    LlmRuntimeModule runtime;
    try {
      runtime = new LlmRuntimeModule();
    } catch (LlmConfigurationException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<Ticket> tickets = TicketRepository.bundled();
    int count = args.length > 0 ? Math.min(Integer.parseInt(args[0]), tickets.size()) : tickets.size();
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CONCURRENCY;
    run(Guice.createInjector(runtime, new SupportDeskModule()), tickets.subList(0, count), concurrency, System.out);
  }

  /** Triages {@code tickets} with the services of {@code injector} and prints the summary to {@code out}. */
  static List<TriageOutcome> run(Injector injector, List<Ticket> tickets, int concurrency, PrintStream out) {
    List<TriageOutcome> outcomes = injector.getInstance(Triage.class).run(tickets, concurrency);
    String provider = injector.getInstance(LlmRuntime.class).provider().name();
    new SummaryPrinter(out).print(provider, outcomes, injector.getInstance(CallStatistics.class));
    return outcomes;
  }
}
