package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.ExecutionDescription.Status;
import org.junit.jupiter.api.Test;

/** InputPath, Parameters, ResultSelector, ResultPath, OutputPath, the context object and paths. */
class DataFlowTest extends EngineTestSupport {

  @Test
  void passResultIsPlacedAtResultPathInsideTheInput() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"ok": true},
          "ResultPath": "$.check", "End": true}}}
        """,
            """
        {"user": "ana"}
        """);

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"user\":\"ana\",\"check\":{\"ok\":true}}"));
  }

  @Test
  void passWithoutResultPassesItsInputThrough() {
    assertThat(
            run(
                    """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
        """,
                    "{\"a\": 1}")
                .output())
        .isEqualTo(json("{\"a\": 1}"));
  }

  @Test
  void parametersBuildNestedObjectsAndArraysFromPathsAndLiterals() {
    ExecutionDescription d =
        run(
            passWithParameters(
                """
        {"id.$": "$.account.id", "fixed": "x",
         "nested": {"email.$": "$.account.email", "list": [1, {"n.$": "$.n"}, "lit"]},
         "all.$": "$"}
        """),
            """
        {"account": {"id": "a-1", "email": "a@example.com"}, "n": 7}
        """);

    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"id": "a-1", "fixed": "x",
         "nested": {"email": "a@example.com", "list": [1, {"n": 7}, "lit"]},
         "all": {"account": {"id": "a-1", "email": "a@example.com"}, "n": 7}}
        """));
  }

  @Test
  void inputPathSelectsWhatTheStateSeesWhileResultPathMergesIntoTheRawInput() {
    tasks.on("echo", (r, p, c) -> json("{\"seen\": " + p + "}"));
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "echo",
          "InputPath": "$.payload", "ResultPath": "$.result", "End": true}}}
        """,
            """
        {"payload": {"x": 1}, "other": 2}
        """);

    assertThat(tasks.last("echo").parameters()).isEqualTo(json("{\"x\": 1}"));
    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"payload": {"x": 1}, "other": 2, "result": {"seen": {"x": 1}}}
        """));
  }

  @Test
  void outputPathSelectsPartOfTheStateOutput() {
    assertThat(
            run(
                    """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"keep": 1, "drop": 2},
          "ResultPath": "$.r", "OutputPath": "$.r.keep", "End": true}}}
        """,
                    "{}")
                .output())
        .isEqualTo(json("1"));
  }

  @Test
  void nullInputPathAndNullOutputPathMeanAnEmptyObject() {
    tasks.on("echo", (r, p, c) -> p);
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "echo", "InputPath": null, "ResultPath": "$.r",
                "Next": "P"},
          "P": {"Type": "Pass", "OutputPath": null, "End": true}}}
        """,
            "{\"secret\": 1}");

    assertThat(tasks.last("echo").parameters()).isEqualTo(json("{}"));
    assertThat(d.output()).isEqualTo(json("{}"));
  }

  @Test
  void resultPathNullDiscardsTheResultAndKeepsTheInput() {
    tasks.on("noisy", (r, p, c) -> json("{\"big\": \"result\"}"));
    assertThat(
            run(
                    """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "noisy",
          "ResultPath": null, "End": true}}}
        """,
                    "{\"in\": true}")
                .output())
        .isEqualTo(json("{\"in\": true}"));
  }

  @Test
  void resultPathCreatesMissingIntermediateObjects() {
    assertThat(
            run(
                    """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 5,
          "ResultPath": "$.a.b.c", "End": true}}}
        """,
                    "{\"a\": {\"x\": 1}}")
                .output())
        .isEqualTo(json("{\"a\": {\"x\": 1, \"b\": {\"c\": 5}}}"));
  }

  @Test
  void resultSelectorReshapesTheTaskResultBeforeResultPath() {
    tasks.on(
        "lambda",
        (r, p, c) ->
            json(
                """
        {"StatusCode": 200, "Payload": {"userId": "u1", "extra": "noise"}}
        """));
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "lambda",
          "ResultSelector": {"id.$": "$.Payload.userId", "state.$": "$$.State.Name"},
          "ResultPath": "$.user", "End": true}}}
        """,
            "{\"request\": 1}");

    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"request": 1, "user": {"id": "u1", "state": "T"}}
        """));
  }

  @Test
  void contextObjectExposesExecutionStateAndMachineFields() {
    clock.advanceTo(T0.plusMillis(1234));
    String arn =
        start(
            passWithParameters(
                """
        {"id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name",
         "input.$": "$$.Execution.Input", "started.$": "$$.Execution.StartTime",
         "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime",
         "machine.$": "$$.StateMachine.Name", "retries.$": "$$.State.RetryCount"}
        """),
            "{\"k\": \"v\"}");

    assertThat(describe(arn).output())
        .isEqualTo(
            json(
                """
        {"id": "%s", "name": "exec-1", "input": {"k": "v"},
         "started": "2024-05-01T10:00:01.234Z", "state": "P",
         "entered": "2024-05-01T10:00:01.234Z", "machine": "AccountLifecycle", "retries": 0}
        """
                    .formatted(arn)));
  }

  @Test
  void bracketIndexNegativeIndexAndWildcardPathsSelectValues() {
    ExecutionDescription d =
        run(
            passWithParameters(
                """
        {"spaced.$": "$['odd key']", "first.$": "$.items[0].id", "last.$": "$.items[-1].id",
         "ids.$": "$.items[*].id", "quoted.$": "$[\\"items\\"][1]['id']"}
        """),
            """
        {"odd key": 1, "items": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
        """);

    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"spaced": 1, "first": "a", "last": "c", "ids": ["a", "b", "c"], "quoted": "b"}
        """));
  }

  @Test
  void missingInputPathFailsTheExecutionWithStatesRuntime() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.nope", "End": true}}}
        """,
            "{\"a\": 1}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("$.nope").contains("InputPath");
  }

  @Test
  void missingParameterPathFailsWithStatesRuntimeEvenUnderCatchAll() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "x", "Parameters": {"v.$": "$.missing"},
                "Retry": [{"ErrorEquals": ["States.ALL"]}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
          "Handled": {"Type": "Succeed"}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("'$.missing'").contains("'v.$'");
    assertThat(tasks.calls()).isEmpty();
  }

  @Test
  void resultPathThroughANonObjectFailsWithResultPathMatchFailure() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b",
          "End": true}}}
        """,
            "{\"a\": \"text\"}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void succeedStateEndsTheExecutionWithItsFilteredInput() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Done", "States": {"Done": {"Type": "Succeed", "InputPath": "$.a",
          "OutputPath": "$.b"}}}
        """,
            "{\"a\": {\"b\": [1, 2]}}");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[1, 2]"));
  }

  @Test
  void failStateFailsTheExecutionWithItsErrorAndCause() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "AccountLocked",
          "Cause": "too many attempts"}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("AccountLocked");
    assertThat(d.cause()).isEqualTo("too many attempts");
    assertThat(d.output()).isNull();
    assertThat(d.stopDate()).isEqualTo(T0);
  }

  @Test
  void failStateTakesErrorFromAPathAndCauseFromAnIntrinsic() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.code",
          "CausePath": "States.Format('user {} rejected', $.user)"}}}
        """,
            "{\"code\": \"Rejected\", \"user\": \"ana\"}");

    assertThat(d.error()).isEqualTo("Rejected");
    assertThat(d.cause()).isEqualTo("user ana rejected");
  }

  @Test
  void dataReturnedByDescribeAndGivenToTasksIsACopy() {
    tasks.on(
        "mutate",
        (r, p, c) -> {
          ((ObjectNode) p).put("changedByTask", true);
          return p;
        });
    ObjectNode input = (ObjectNode) json("{\"a\": 1}");
    String arn =
        engine.startExecution(
            engine.parse(
                """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "mutate",
          "ResultPath": "$.r", "End": true}}}
        """),
            MACHINE,
            "copy",
            input);
    input.put("a", 2);
    ((ObjectNode) describe(arn).output()).put("a", 3);

    assertThat(describe(arn).input()).isEqualTo(json("{\"a\": 1}"));
    assertThat(describe(arn).output())
        .isEqualTo(json("{\"a\": 1, \"r\": {\"a\": 1, \"changedByTask\": true}}"));
  }
}
