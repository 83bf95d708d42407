package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Task states: what the invoker receives, results, failures and timeouts. */
class TaskStateTest extends EngineTestSupport {

  @Test
  void invokerReceivesTheResourceParametersAndContext() {
    tasks.on("arn:aws:states:::lambda:invoke", (r, p, c) -> json("{\"Payload\": {\"ok\": 1}}"));
    String arn =
        start(
            """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "verify", "Payload": {"email.$": "$.email"}},
          "OutputPath": "$.Payload", "End": true}}}
        """,
            "{\"email\": \"a@example.com\"}");

    ScriptedInvoker.Call call = tasks.last("arn:aws:states:::lambda:invoke");
    assertThat(call.parameters())
        .isEqualTo(
            json("{\"FunctionName\": \"verify\", \"Payload\": {\"email\": \"a@example.com\"}}"));
    assertThat(call.context()).isEqualTo(new TaskContext(arn, "Call", null));
    assertThat(describe(arn).output()).isEqualTo(json("{\"ok\": 1}"));
  }

  @Test
  void taskFailureFailsTheExecutionWithTheErrorAndCause() {
    tasks.on(
        "charge",
        (r, p, c) -> {
          throw new TaskFailedException("PaymentDeclined", "card expired");
        });
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "charge",
          "End": true}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("PaymentDeclined");
    assertThat(d.cause()).isEqualTo("card expired");
    assertThat(d.stopDate()).isEqualTo(T0);
  }

  @Test
  void unexpectedInvokerExceptionBecomesAnErrorNamedAfterItsClass() {
    tasks.on(
        "buggy",
        (r, p, c) -> {
          throw new IllegalStateException("boom");
        });
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "buggy", "End": true}}}
        """,
            "{}");

    assertThat(d.error()).isEqualTo("java.lang.IllegalStateException");
    assertThat(d.cause()).isEqualTo("boom");
  }

  @Test
  void nullTaskResultIsJsonNull() {
    tasks.on("void", (r, p, c) -> null);
    assertThat(
            run(
                    """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "void",
          "ResultPath": "$.r", "End": true}}}
        """,
                    "{}")
                .output())
        .isEqualTo(json("{\"r\": null}"));
  }

  @Test
  void synchronousTaskThatOutlastsTimeoutSecondsOnTheClockFailsWithStatesTimeout() {
    tasks.on(
        "slow",
        (r, p, c) -> {
          clock.advanceBy(Duration.ofSeconds(31));
          return json("{}");
        });
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "slow",
          "TimeoutSeconds": 30, "End": true}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Timeout");
  }

  @Test
  void timeoutSecondsPathReadsTheLimitFromTheInput() {
    tasks.on(
        "slow",
        (r, p, c) -> {
          clock.advanceBy(Duration.ofSeconds(20));
          return json("\"done\"");
        });
    String definition =
        """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "slow",
          "TimeoutSecondsPath": "$.limit", "End": true}}}
        """;

    assertThat(run(definition, "{\"limit\": 60}").output()).isEqualTo(json("\"done\""));
    assertThat(run(definition, "{\"limit\": 10}").error()).isEqualTo("States.Timeout");
    assertThat(run(definition, "{\"limit\": \"ten\"}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void tasksRunInSequenceAndVisitedStatesRecordTheOrder() {
    tasks.on("inc", (r, p, c) -> json("{\"n\": " + (p.get("n").intValue() + 1) + "}"));
    ExecutionDescription d =
        run(
            """
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "inc", "Next": "B"},
          "B": {"Type": "Task", "Resource": "inc", "Next": "C"},
          "C": {"Type": "Task", "Resource": "inc", "End": true}}}
        """,
            "{\"n\": 0}");

    assertThat(d.output()).isEqualTo(json("{\"n\": 3}"));
    assertThat(d.visitedStates()).containsExactly("A", "B", "C");
  }
}
