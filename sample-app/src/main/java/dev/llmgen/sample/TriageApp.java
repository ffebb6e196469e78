package dev.llmgen.sample;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.llmgen.runtime.LlmConfigurationException;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
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
    int status = run(ConfigSource.environment(), args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the app with {@code config} in place of the environment.
   *
   * @return the exit status: 0, or 2 when the configuration is wrong (its message printed to {@code err})
   */
  static int run(ConfigSource config, String[] args, PrintStream out, PrintStream err) {
    LlmRuntimeModule runtime;
    try {
      runtime = new LlmRuntimeModule(config);
    } catch (LlmConfigurationException e) {
      err.println(e.getMessage());
      return 2;
    }
    List<Ticket> tickets = TicketRepository.bundled();
    int count = args.length > 0 ? Math.min(Integer.parseInt(args[0]), tickets.size()) : tickets.size();
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CONCURRENCY;
    try {
      triage(Guice.createInjector(runtime, new SupportDeskModule()), tickets.subList(0, count), concurrency, out);
    } catch (ProvisionException e) {
      // A model whose provider is not configured is found when the service binds it.
      if (e.getCause() instanceof LlmConfigurationException configuration) {
        err.println(configuration.getMessage());
        return 2;
      }
      throw e;
    }
    return 0;
  }

  /** Triages {@code tickets} with the services of {@code injector} and prints the summary to {@code out}. */
  static List<TriageOutcome> triage(Injector injector, List<Ticket> tickets, int concurrency, PrintStream out) {
    List<TriageOutcome> outcomes = injector.getInstance(Triage.class).run(tickets, concurrency);
    String provider = injector.getInstance(LlmSettings.class).provider().configName();
    new SummaryPrinter(out).print(provider, outcomes, injector.getInstance(CostControls.class));
    return outcomes;
  }
}
