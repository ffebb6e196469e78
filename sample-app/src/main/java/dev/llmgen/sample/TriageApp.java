package dev.llmgen.sample;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import dev.llmgen.runtime.LlmConfigurationException;
import dev.llmgen.runtime.LlmRuntimeModule;
import dev.llmgen.runtime.config.ConfigSource;
import dev.llmgen.runtime.config.LlmSettings;
import dev.llmgen.runtime.config.ProviderKind;
import dev.llmgen.sample.report.Baseline;
import dev.llmgen.sample.report.BaselineUnavailable;
import dev.llmgen.sample.report.ConsoleReport;
import dev.llmgen.sample.report.HtmlReport;
import dev.llmgen.sample.report.ReportFormat;
import dev.llmgen.sample.report.RunReport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Triages the bundled tickets and prints what it did and what it cost. Runs on the simulated model
 * unless the environment names a real provider (see docs/configuration.md).
 *
 * <p>Arguments: {@code [tickets] [concurrency] [report]}, by default every bundled ticket, 64 at a time,
 * and the report written to {@code llmgen-report.html} in the working directory.
 */
public final class TriageApp {

  private static final int DEFAULT_CONCURRENCY = 64;
  private static final String DEFAULT_REPORT = "llmgen-report.html";

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
   * @return the exit status: 0; 1 when the report cannot be written; 2 when the configuration is wrong
   *     (the message printed to {@code err})
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
    Path report = Path.of(args.length > 2 ? args[2] : DEFAULT_REPORT);
    try {
      Injector injector = Guice.createInjector(runtime, new SupportDeskModule(),
          binder -> OptionalBinder.newOptionalBinder(binder, MeterRegistry.class).setBinding()
              .toInstance(wholeRunRegistry()));
      Optional<Injector> naive = injector.getInstance(LlmSettings.class).provider() == ProviderKind.SIMULATED
          ? Optional.of(Guice.createInjector(new LlmRuntimeModule(config), new NaiveSupportDeskModule()))
          : Optional.empty();
      triage(injector, naive, tickets.subList(0, count), concurrency, out, report);
    } catch (IOException e) {
      err.println("Cannot write the report to " + report.toAbsolutePath() + ": " + e.getMessage());
      return 1;
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

  /**
   * A registry whose percentiles cover the whole run, where Micrometer's default keeps the last two
   * minutes, which a slow run outlasts.
   */
  private static MeterRegistry wholeRunRegistry() {
    MeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        return DistributionStatisticConfig.builder().expiry(Duration.ofDays(1)).bufferLength(1).build().merge(config);
      }
    });
    return registry;
  }

  /**
   * Triages {@code tickets} with the services of {@code injector}, prints the summary and the report to
   * {@code out}, and writes the report as a web page to {@code report}.
   *
   * @param naive the services of the naive baseline, which does the same work again; empty when the run did
   *     not use the simulated model, as the baseline would be paid for a second time
   */
  static List<TriageOutcome> triage(Injector injector, Optional<Injector> naive, List<Ticket> tickets,
      int concurrency, PrintStream out, Path report) throws IOException {
    long started = System.nanoTime();
    List<TriageOutcome> outcomes = injector.getInstance(Triage.class).run(tickets, concurrency);
    Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
    String provider = injector.getInstance(LlmSettings.class).provider().configName();
    new SummaryPrinter(out).print(provider, outcomes, injector.getInstance(CostControls.class));

    Baseline baseline = naive
        .<Baseline>map(services -> TriageReport.comparison(injector, wallTime,
            services.getInstance(NaiveBaseline.class).run(outcomes, concurrency)))
        .orElseGet(() -> new BaselineUnavailable("the run did not use the simulated model (provider " + provider
            + "), and the naive workload would be paid for a second time; run on the simulated model to see it"));
    RunReport summary = TriageReport.of(String.format(Locale.ROOT, "Provider: %s · %d tickets · %d at a time · %s",
        provider, tickets.size(), concurrency, ReportFormat.duration(wallTime)), injector, outcomes, baseline);
    ConsoleReport.print(summary, out);
    HtmlReport.write(summary, report);
    out.println();
    out.println("Report: " + report.toAbsolutePath());
    return outcomes;
  }
}
