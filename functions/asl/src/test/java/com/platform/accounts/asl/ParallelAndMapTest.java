package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parallel and Map: ordering, failure, concurrency limits and nesting. */
class ParallelAndMapTest extends EngineTestSupport {

  private static final String WAIT = "wait.waitForTaskToken";

  @Test
  void parallelOutputFollowsBranchOrderNotCompletionOrder() {
    String arn =
        start(
            """
        {"StartAt": "Checks", "States": {"Checks": {"Type": "Parallel", "End": true,
          "Branches": [
            {"StartAt": "Email", "States": {"Email": {"Type": "Task", "Resource": "%1$s",
              "Parameters": {"token.$": "$$.Task.Token", "which": "email"}, "End": true}}},
            {"StartAt": "Phone", "States": {"Phone": {"Type": "Task", "Resource": "%1$s",
              "Parameters": {"token.$": "$$.Task.Token", "which": "phone"}, "End": true}}},
            {"StartAt": "Static", "States": {"Static": {"Type": "Pass", "Result": "static",
              "End": true}}}]}}}
        """
                .formatted(WAIT),
            "{}");
    List<ScriptedInvoker.Call> calls = tasks.calls(WAIT);
    assertThat(calls).hasSize(2);

    engine.sendTaskSuccess(calls.get(1).context().taskToken(), json("\"phone ok\""));
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);
    engine.sendTaskSuccess(calls.get(0).context().taskToken(), json("\"email ok\""));

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[\"email ok\", \"phone ok\", \"static\"]"));
    assertThat(d.visitedStates()).containsExactly("Checks", "Email", "Phone", "Static");
  }

  @Test
  void parallelBranchFailureFailsTheWholeStateAndStopsTheOtherBranches() {
    tasks.on(
        "fails",
        (r, p, c) -> {
          throw new TaskFailedException("PhoneInvalid", "no such number");
        });
    String arn =
        start(
            """
        {"StartAt": "Checks", "States": {"Checks": {"Type": "Parallel", "Next": "Done",
          "Branches": [
            {"StartAt": "Email", "States": {"Email": {"Type": "Task", "Resource": "%s",
              "End": true}}},
            {"StartAt": "Phone", "States": {"Phone": {"Type": "Task", "Resource": "fails",
              "End": true}}}]},
          "Done": {"Type": "Succeed"}}}
        """
                .formatted(WAIT),
            "{}");

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("PhoneInvalid");
    assertThat(d.cause()).isEqualTo("no such number");
    assertThatThrownBy(
            () -> engine.sendTaskSuccess(tasks.last(WAIT).context().taskToken(), json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
  }

  @Test
  void parallelFailureIsCaughtAndRetriedLikeATask() {
    tasks.on(
        "fails",
        (r, p, c) -> {
          throw new TaskFailedException("Flaky", "branch broke");
        });
    String arn =
        start(
            """
        {"StartAt": "Par", "States": {
          "Par": {"Type": "Parallel", "Next": "Done",
            "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "fails",
              "End": true}}}],
            "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 1, "IntervalSeconds": 5}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Done"}]},
          "Done": {"Type": "Succeed"}}}
        """,
            "{\"in\": 1}");
    engine.runUntil(T0.plusSeconds(5));

    ExecutionDescription d = describe(arn);
    assertThat(tasks.calls("fails")).hasSize(2);
    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"in": 1, "err": {"Error": "Flaky", "Cause": "branch broke"}}
        """));
    assertThat(d.visitedStates()).containsExactly("Par", "B", "B", "Done");
  }

  @Test
  void parallelParametersResultSelectorAndResultPathShapeTheData() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true,
          "Parameters": {"id.$": "$.id"},
          "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": 2, "End": true}}}],
          "ResultSelector": {"first.$": "$[0].id", "second.$": "$[1]"},
          "ResultPath": "$.results"}}}
        """,
            "{\"id\": \"x\", \"keep\": true}");

    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"id": "x", "keep": true, "results": {"first": "x", "second": 2}}
        """));
  }

  @Test
  void mapRunsTheIteratorForEachItemAndKeepsItemOrder() {
    tasks.on("double", (r, p, c) -> json(String.valueOf(p.intValue() * 2)));
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.numbers",
          "ResultPath": "$.doubled", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Double",
            "States": {"Double": {"Type": "Task", "Resource": "double", "End": true}}}}}}
        """,
            "{\"numbers\": [1, 2, 3]}");

    assertThat(d.output()).isEqualTo(json("{\"numbers\": [1, 2, 3], \"doubled\": [2, 4, 6]}"));
    assertThat(d.visitedStates()).containsExactly("Each", "Double", "Double", "Double");
  }

  @Test
  void mapItemSelectorSeesTheItemValueIndexAndStateInput() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.users",
          "ItemSelector": {"user.$": "$$.Map.Item.Value", "position.$": "$$.Map.Item.Index",
                           "tenant.$": "$.tenant"},
          "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """,
            "{\"tenant\": \"t1\", \"users\": [\"ana\", \"bo\"]}");

    assertThat(d.output())
        .isEqualTo(
            json(
                """
        [{"user": "ana", "position": 0, "tenant": "t1"},
         {"user": "bo", "position": 1, "tenant": "t1"}]
        """));
  }

  @Test
  void mapAcceptsTheLegacyIteratorAndParametersFields() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map",
          "Parameters": {"v.$": "$$.Map.Item.Value"}, "End": true,
          "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.v",
            "End": true}}}}}}
        """,
            "[10, 20]");

    assertThat(d.output()).isEqualTo(json("[10, 20]"));
  }

  @Test
  void emptyMapInputGivesAnEmptyArray() {
    assertThat(
            run(
                    """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """,
                    "[]")
                .output())
        .isEqualTo(json("[]"));
  }

  @Test
  void mapOverANonArrayFailsWithStatesRuntime() {
    assertThat(
            run(
                    """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """,
                    "{\"not\": \"array\"}")
                .error())
        .isEqualTo("States.Runtime");
  }

  @Test
  void mapMaxConcurrencyStartsIterationsOnlyAsOthersFinish() {
    String arn =
        start(
            """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2,
          "End": true,
          "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Task",
            "Resource": "%s", "End": true}}}}}}
        """
                .formatted(WAIT),
            "[\"a\", \"b\", \"c\", \"d\"]");
    assertThat(tasks.calls(WAIT))
        .extracting(c -> c.parameters().textValue())
        .containsExactly("a", "b");

    engine.sendTaskSuccess(tasks.calls(WAIT).get(1).context().taskToken(), json("\"B\""));
    assertThat(tasks.calls(WAIT))
        .extracting(c -> c.parameters().textValue())
        .containsExactly("a", "b", "c");

    for (int i : new int[] {0, 2}) {
      engine.sendTaskSuccess(
          tasks.calls(WAIT).get(i).context().taskToken(),
          json("\"" + tasks.calls(WAIT).get(i).parameters().textValue().toUpperCase() + "\""));
    }
    engine.sendTaskSuccess(tasks.calls(WAIT).get(3).context().taskToken(), json("\"D\""));

    assertThat(describe(arn).output()).isEqualTo(json("[\"A\", \"B\", \"C\", \"D\"]"));
  }

  @Test
  void mapIterationFailureFailsTheMapStateAndCancelsTheRest() {
    tasks.on(
        "check",
        (r, p, c) -> {
          if (p.textValue().equals("bad")) {
            throw new TaskFailedException("InvalidItem", p.textValue());
          }
          return p;
        });
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Each", "States": {
          "Each": {"Type": "Map", "Next": "Ok",
            "Catch": [{"ErrorEquals": ["InvalidItem"], "Next": "Bad"}],
            "ItemProcessor": {"StartAt": "Check", "States": {
              "Check": {"Type": "Task", "Resource": "check", "Next": "Later"},
              "Later": {"Type": "Task", "Resource": "%s", "End": true}}}},
          "Ok": {"Type": "Succeed"},
          "Bad": {"Type": "Pass", "End": true}}}
        """
                .formatted(WAIT),
            "[\"good\", \"bad\", \"never\"]");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"Error\": \"InvalidItem\", \"Cause\": \"bad\"}"));
    assertThatThrownBy(
            () -> engine.sendTaskSuccess(tasks.last(WAIT).context().taskToken(), json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
  }

  @Test
  void nestedMapInsideParallelWaitsForEveryTaskToken() {
    String arn =
        start(
            """
        {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "Next": "Summary",
          "Branches": [
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.contacts",
              "End": true,
              "ItemProcessor": {"StartAt": "Verify", "States": {
                "Verify": {"Type": "Task", "Resource": "%s",
                  "Parameters": {"contact.$": "$", "token.$": "$$.Task.Token"},
                  "TimeoutSeconds": 300, "Next": "Pause"},
                "Pause": {"Type": "Wait", "Seconds": 10, "End": true}}}}}},
            {"StartAt": "Audit", "States": {"Audit": {"Type": "Pass",
              "Result": "audited", "End": true}}}]},
          "Summary": {"Type": "Pass", "Parameters": {"verified.$": "$[0]", "audit.$": "$[1]"},
            "End": true}}}
        """
                .formatted(WAIT),
            "{\"contacts\": [\"email\", \"phone\"]}");
    List<ScriptedInvoker.Call> calls = tasks.calls(WAIT);
    assertThat(calls)
        .extracting(c -> c.parameters().get("contact").textValue())
        .containsExactly("email", "phone");

    clock.advanceBy(Duration.ofSeconds(100));
    engine.sendTaskSuccess(calls.get(1).context().taskToken(), json("\"phone-ok\""));
    clock.advanceBy(Duration.ofSeconds(5));
    engine.sendTaskSuccess(calls.get(0).context().taskToken(), json("\"email-ok\""));
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(110));
    engine.runUntil(T0.plusSeconds(114));
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);
    engine.runUntil(T0.plusSeconds(115));

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"verified": ["email-ok", "phone-ok"], "audit": "audited"}
        """));
    // Runnable branches take turns in queue order, so the second Parallel branch (Audit) runs
    // before the Map iterations its sibling started.
    assertThat(d.visitedStates())
        .containsExactly("Par", "Each", "Audit", "Verify", "Verify", "Pause", "Pause", "Summary");
  }
}
