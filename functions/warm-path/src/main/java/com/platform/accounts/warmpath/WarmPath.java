package com.platform.accounts.warmpath;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link HandlerBenchmarks} (JMH's own command-line options apply, say {@code -f 1 -i 2} for a
 * quicker run) and prints the percentiles of each request beside the target: the handler's own
 * work under 1 ms at p99.
 */
public final class WarmPath {
  static final double TARGET_P99_MICROS = 1_000;
  private static final Map<String, String> REQUESTS = Map.of(
      "getAccount", "AccountApi GET /v1/account",
      "verifySignupCode", "SignupApi POST /v1/signups/{signupId}/verify",
      "verifyCard", "PaymentMethodsApi POST /v1/account/payment-methods/{paymentMethodId}/verify");

  private WarmPath() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions command = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(command);
    // a request that fails would leave its row out of the table unnoticed
    options.shouldFailOnError(true);
    if (command.getIncludes().isEmpty()) {
      options.include(HandlerBenchmarks.class.getName());
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println(table(results));
  }

  /** A Markdown table, one row per request, in microseconds. */
  static String table(Collection<RunResult> results) {
    StringBuilder table = new StringBuilder()
        .append("| warm request (in-memory ports) | samples | p50 µs | p90 µs | p99 µs | p99.9 µs"
            + " | max µs | p99 under 1 ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Statistics s = result.getPrimaryResult().getStatistics();
      double p99 = s.getPercentile(99);
      table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
          REQUESTS.getOrDefault(method, method), s.getN(), s.getPercentile(50),
          s.getPercentile(90), p99, s.getPercentile(99.9), s.getMax(),
          p99 < TARGET_P99_MICROS ? "yes" : "**no**"));
    }
    return table.toString();
  }
}
