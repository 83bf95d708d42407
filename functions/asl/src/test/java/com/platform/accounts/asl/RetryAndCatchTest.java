package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry with backoff on the manual clock, and Catch. */
class RetryAndCatchTest extends EngineTestSupport {

  private final AtomicInteger attempts = new AtomicInteger();

  /** A task that fails with {@code error} for its first {@code failures} attempts. */
  private void flaky(String resource, String error, int failures) {
    tasks.on(
        resource,
        (r, p, c) -> {
          if (attempts.incrementAndGet() <= failures) {
            throw new TaskFailedException(error, "attempt " + attempts.get());
          }
          return json("{\"attempt\": " + attempts.get() + "}");
        });
  }

  @Test
  void retryBacksOffExponentiallyOnTheManualClock() {
    flaky("flaky", "Throttled", 99);
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "BackoffRate": 3,
                     "MaxAttempts": 3}], "End": true}}}
        """,
            "{}");

    // Attempts at T0, then after 2 s, 6 s and 18 s of backoff.
    for (int[] step : new int[][] {{1, 2}, {2, 8}, {3, 26}}) {
      assertThat(attempts).hasValue(step[0]);
      assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);
      Instant due = T0.plusSeconds(step[1]);
      assertThat(engine.nextDueAt()).contains(due);
      clock.advanceTo(due.minusMillis(1));
      engine.runDue();
      assertThat(attempts).hasValue(step[0]);
      clock.advanceTo(due);
      engine.runDue();
    }

    assertThat(attempts).hasValue(4);
    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("Throttled");
    assertThat(d.cause()).isEqualTo("attempt 4");
    assertThat(d.stopDate()).isEqualTo(T0.plusSeconds(26));
    assertThat(d.visitedStates()).containsExactly("T");
    assertThat(engine.nextDueAt()).isEmpty();
  }

  @Test
  void retryUsesDefaultsOfOneSecondThreeAttemptsAndRateTwo() {
    flaky("flaky", "Boom", 99);
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}
        """,
            "{}");

    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(1));
    engine.runUntil(T0.plusSeconds(3));
    assertThat(attempts).hasValue(3);
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(7));
    engine.runUntil(T0.plusSeconds(7));
    assertThat(attempts).hasValue(4);
    assertThat(describe(arn).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void retrySucceedsWhenALaterAttemptWorks() {
    flaky("flaky", "Throttled", 2);
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Parameters": {"retry.$": "$$.State.RetryCount"},
          "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 5}], "End": true}}}
        """,
            "{}");
    engine.runUntil(T0.plusSeconds(60));

    assertThat(describe(arn).output()).isEqualTo(json("{\"attempt\": 3}"));
    assertThat(tasks.calls("flaky"))
        .extracting(c -> c.parameters().get("retry").intValue())
        .containsExactly(0, 1, 2);
  }

  @Test
  void maxDelaySecondsCapsTheBackoff() {
    flaky("flaky", "Throttled", 99);
    start(
        """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 10, "BackoffRate": 10,
                     "MaxAttempts": 5, "MaxDelaySeconds": 30}], "End": true}}}
        """,
        "{}");

    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(10));
    engine.runUntil(T0.plusSeconds(10));
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(40));
    engine.runUntil(T0.plusSeconds(40));
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(70));
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    flaky("flaky", "Throttled", 99);
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["Throttled"], "MaxAttempts": 0}], "End": true}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void onlyTheFirstMatchingRetrierApplies() {
    flaky("flaky", "Throttled", 99);
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["Throttled"], "MaxAttempts": 1},
                    {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}], "End": true}}}
        """,
            "{}");
    engine.runUntil(T0.plusSeconds(600));

    assertThat(attempts).hasValue(2);
    assertThat(describe(arn).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void statesTaskFailedMatchesTaskErrorsButNotStatesTimeout() {
    flaky("flaky", "Anything", 1);
    assertThat(
            run(
                    """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """,
                    "{}")
                .visitedStates())
        .containsExactly("T", "Caught");

    flaky("flaky", "States.Timeout", 99);
    ExecutionDescription timedOut =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """,
            "{}");
    assertThat(timedOut.status()).isEqualTo(Status.FAILED);
    assertThat(timedOut.error()).isEqualTo("States.Timeout");
  }

  @Test
  void catchPlacesTheErrorOutputAtItsResultPath() {
    flaky("flaky", "PaymentDeclined", 99);
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "flaky",
                "Catch": [{"ErrorEquals": ["Other"], "Next": "Wrong"},
                          {"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.failure",
                           "Next": "Notify"}], "End": true},
          "Wrong": {"Type": "Fail"},
          "Notify": {"Type": "Pass", "End": true}}}
        """,
            "{\"account\": \"a1\"}");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"account": "a1", "failure": {"Error": "PaymentDeclined", "Cause": "attempt 1"}}
        """));
    assertThat(d.visitedStates()).containsExactly("T", "Notify");
  }

  @Test
  void catchWithoutResultPathReplacesTheInputWithTheErrorOutput() {
    flaky("flaky", "Boom", 99);
    assertThat(
            run(
                    """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}
        """,
                    "{\"dropped\": true}")
                .output())
        .isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"attempt 1\"}"));
  }

  @Test
  void retriesAreExhaustedBeforeCatchTakesOver() {
    flaky("flaky", "Throttled", 99);
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
          "Retry": [{"ErrorEquals": ["Throttled"], "MaxAttempts": 2, "IntervalSeconds": 1}],
          "Catch": [{"ErrorEquals": ["Throttled"], "ResultPath": null, "Next": "Fallback"}],
          "End": true},
          "Fallback": {"Type": "Pass", "Result": "fallback", "End": true}}}
        """,
            "{}");
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);

    engine.runUntil(T0.plusSeconds(3));

    assertThat(attempts).hasValue(3);
    assertThat(describe(arn).output()).isEqualTo(json("\"fallback\""));
    assertThat(describe(arn).stopDate()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void statesRuntimeIsNeitherRetriedNorCaught() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x",
          "ResultSelector": {"v.$": "$.missing"},
          "Retry": [{"ErrorEquals": ["States.ALL"]}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(tasks.calls("x")).hasSize(1);
    assertThat(engine.nextDueAt()).isEmpty();
  }
}
