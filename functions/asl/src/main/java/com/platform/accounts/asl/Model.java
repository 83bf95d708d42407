package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The parsed, validated form of a definition. Everything here is immutable and shared by all
 * executions of a state machine.
 *
 * <p>Data path fields (InputPath, OutputPath, ResultPath) hold {@link JsonPath#ROOT} when the
 * definition leaves them out and {@code null} when it sets them to JSON null, which the States
 * Language gives its own meaning (discard the input, or discard the result).
 */
final class Model {

  private Model() {}

  /**
   * A set of states with an entry point: the machine itself, a Parallel branch or a Map iterator.
   */
  record Graph(String startAt, Map<String, State> states, Integer timeoutSeconds) {
    State state(String name) {
      return states.get(name);
    }
  }

  sealed interface State
      permits PassState,
          TaskState,
          ChoiceState,
          WaitState,
          SucceedState,
          FailState,
          ParallelState,
          MapState {
    String name();

    JsonPath inputPath();

    JsonPath outputPath();
  }

  /** How a state that does not branch goes on: to {@code next}, or it ends its graph. */
  record Transition(String next, boolean end) {}

  /** A state with Retry and Catch. */
  interface Recoverable {
    List<Retrier> retry();

    List<Catcher> catchers();
  }

  record PassState(
      String name,
      Transition transition,
      JsonPath inputPath,
      JsonPath outputPath,
      PayloadTemplate parameters,
      JsonNode result,
      JsonPath resultPath)
      implements State {}

  record TaskState(
      String name,
      Transition transition,
      JsonPath inputPath,
      JsonPath outputPath,
      String resource,
      PayloadTemplate parameters,
      PayloadTemplate resultSelector,
      JsonPath resultPath,
      List<Retrier> retry,
      List<Catcher> catchers,
      Integer timeoutSeconds,
      JsonPath timeoutSecondsPath)
      implements State, Recoverable {

    boolean waitsForTaskToken() {
      return resource.endsWith(".waitForTaskToken");
    }
  }

  record Choice(ChoiceRule rule, String next) {}

  record ChoiceState(
      String name,
      JsonPath inputPath,
      JsonPath outputPath,
      List<Choice> choices,
      String defaultNext)
      implements State {}

  record WaitState(
      String name,
      Transition transition,
      JsonPath inputPath,
      JsonPath outputPath,
      Long seconds,
      JsonPath secondsPath,
      Instant timestamp,
      JsonPath timestampPath)
      implements State {}

  record SucceedState(String name, JsonPath inputPath, JsonPath outputPath) implements State {}

  /** A Fail state; {@code errorPath} and {@code causePath} may be paths or intrinsic functions. */
  record FailState(
      String name, String error, String cause, Intrinsics.Expr errorPath, Intrinsics.Expr causePath)
      implements State {
    @Override
    public JsonPath inputPath() {
      return JsonPath.ROOT;
    }

    @Override
    public JsonPath outputPath() {
      return JsonPath.ROOT;
    }
  }

  record ParallelState(
      String name,
      Transition transition,
      JsonPath inputPath,
      JsonPath outputPath,
      List<Graph> branches,
      PayloadTemplate parameters,
      PayloadTemplate resultSelector,
      JsonPath resultPath,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State, Recoverable {}

  /**
   * A Map state. {@code maxConcurrency} 0 means no limit; {@code maxConcurrencyPath}, when set,
   * overrides it at run time.
   */
  record MapState(
      String name,
      Transition transition,
      JsonPath inputPath,
      JsonPath outputPath,
      Graph iterator,
      JsonPath itemsPath,
      PayloadTemplate itemSelector,
      int maxConcurrency,
      JsonPath maxConcurrencyPath,
      PayloadTemplate resultSelector,
      JsonPath resultPath,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State, Recoverable {}

  record Retrier(
      List<String> errorEquals,
      int intervalSeconds,
      int maxAttempts,
      double backoffRate,
      Integer maxDelaySeconds,
      boolean fullJitter) {

    /**
     * The wait before retry number {@code attempt + 1}: IntervalSeconds x BackoffRate^attempt,
     * capped at MaxDelaySeconds, and with full jitter a random share of that.
     */
    Duration delay(int attempt, Random random) {
      double seconds = intervalSeconds * Math.pow(backoffRate, attempt);
      if (maxDelaySeconds != null) {
        seconds = Math.min(seconds, maxDelaySeconds);
      }
      if (fullJitter) {
        seconds *= random.nextDouble();
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
  }

  record Catcher(List<String> errorEquals, JsonPath resultPath, String next) {}
}
