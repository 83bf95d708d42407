package com.platform.accounts.warmpath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link HandlerBenchmarks} (JMH's own command-line options apply, say {@code -f 1 -i 2} for a
 * quicker run) and prints the percentiles of each request beside the target: the handler's own work
 * under 1 ms at p99.
 */
public final class WarmPath {
  static final double TARGET_P99_MICROS = 1_000;

  /** The rows in the table's order: the three requests, then the controls (no target). */
  private static final Map<String, String> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("getAccount", "AccountApi GET /v1/account");
    ROWS.put("verifySignupCode", "SignupApi POST /v1/signups/{signupId}/verify");
    ROWS.put(
        "verifyCard",
        "PaymentMethodsApi POST /v1/account/payment-methods/{paymentMethodId}/verify");
    ROWS.put(
        "checkSessionToken", "control: the first ES256 check of a session token by an instance");
    ROWS.put("signSessionToken", "control: signing a session token alone");
  }

  /** Parts of the requests, measured alone to show their share; not held to the target. */
  private static final Set<String> CONTROLS = Set.of("checkSessionToken", "signSessionToken");

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
    List<String> order = new ArrayList<>(ROWS.keySet());
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparingInt(
            r -> {
              int at = order.indexOf(method(r));
              return at < 0 ? order.size() : at;
            }));
    StringBuilder table =
        new StringBuilder()
            .append(
                "| warm request (in-memory ports) | samples | p50 µs | p90 µs | p99 µs | p99.9 µs"
                    + " | max µs | p99 under 1 ms |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (RunResult result : sorted) {
      String method = method(result);
      Statistics s = result.getPrimaryResult().getStatistics();
      double p99 = s.getPercentile(99);
      String verdict =
          CONTROLS.contains(method) ? "(control)" : p99 < TARGET_P99_MICROS ? "yes" : "**no**";
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %s |%n",
              ROWS.getOrDefault(method, method),
              s.getN(),
              s.getPercentile(50),
              s.getPercentile(90),
              p99,
              s.getPercentile(99.9),
              s.getMax(),
              verdict));
    }
    return table.toString();
  }

  private static String method(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }
}
