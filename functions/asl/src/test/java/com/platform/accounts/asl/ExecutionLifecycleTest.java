package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting, naming, describing, stopping and timing out executions. */
class ExecutionLifecycleTest extends EngineTestSupport {

  private static final String WAIT_FOREVER =
      """
      {"StartAt": "Hold", "States": {"Hold": {"Type": "Task",
        "Resource": "hold.waitForTaskToken", "End": true}}}
      """;

  @Test
  void executionArnUsesTheLocalAccountAndBothNames() {
    String arn = engine.startExecution(engine.parse(WAIT_FOREVER), "SignUp", "user-42", null);

    assertThat(arn).isEqualTo("arn:aws:states:local:000000000000:execution:SignUp:user-42");
    ExecutionDescription d = describe(arn);
    assertThat(d.name()).isEqualTo("user-42");
    assertThat(d.stateMachineName()).isEqualTo("SignUp");
    assertThat(d.input()).isEqualTo(json("{}"));
    assertThat(d.startDate()).isEqualTo(T0);
    assertThat(d.stopDate()).isNull();
  }

  @Test
  void executionNameMustBeUniquePerStateMachine() {
    StateMachine machine = engine.parse(WAIT_FOREVER);
    engine.startExecution(machine, "SignUp", "same", null);

    assertThatThrownBy(() -> engine.startExecution(machine, "SignUp", "same", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ExecutionAlreadyExists");
    engine.startExecution(machine, "Deletion", "same", null);
    assertThat(engine.executions()).hasSize(2);
  }

  @Test
  void missingExecutionNameBecomesAUuid() {
    String arn = engine.startExecution(engine.parse(WAIT_FOREVER), "SignUp", null, null);

    assertThat(describe(arn).name()).matches("[0-9a-f-]{36}");
  }

  @Test
  void namesBreakingAwsRulesAreRejected() {
    StateMachine machine = engine.parse(WAIT_FOREVER);
    for (String bad : new String[] {"", "has space", "a:b", "x".repeat(81), "semi;colon"}) {
      assertThatThrownBy(() -> engine.startExecution(machine, "SignUp", bad, null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> engine.startExecution(machine, "bad/name", "ok", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void executionsAreListedOldestFirst() {
    StateMachine machine = engine.parse(WAIT_FOREVER);
    engine.startExecution(machine, "M", "one", null);
    engine.startExecution(machine, "M", "two", null);
    engine.startExecution(machine, "M", "three", null);

    assertThat(engine.executions())
        .extracting(ExecutionDescription::name)
        .containsExactly("one", "two", "three");
  }

  @Test
  void describingAnUnknownExecutionFails() {
    assertThatThrownBy(() -> engine.describe("arn:aws:states:local:000000000000:execution:M:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ExecutionDoesNotExist");
  }

  @Test
  void stopExecutionAbortsAndInvalidatesPendingTokensAndWaits() {
    String arn =
        start(
            """
        {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Hold", "States": {"Hold": {"Type": "Task",
            "Resource": "hold.waitForTaskToken", "End": true}}},
          {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}]}}}
        """,
            "{}");
    clock.advanceBy(Duration.ofSeconds(5));

    engine.stopExecution(arn, "UserCancelled", "closed the account");

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.ABORTED);
    assertThat(d.error()).isEqualTo("UserCancelled");
    assertThat(d.cause()).isEqualTo("closed the account");
    assertThat(d.stopDate()).isEqualTo(T0.plusSeconds(5));
    assertThat(engine.nextDueAt()).isEmpty();
    assertThatThrownBy(
            () ->
                engine.sendTaskSuccess(
                    tasks.last("hold.waitForTaskToken").context().taskToken(), json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);

    engine.stopExecution(arn, "Again", null);
    assertThat(describe(arn).error()).isEqualTo("UserCancelled");
  }

  @Test
  void executionTimeoutSecondsEndsTheExecutionAsTimedOut() {
    String arn =
        start(
            """
        {"TimeoutSeconds": 600, "StartAt": "Hold", "States": {"Hold": {"Type": "Task",
          "Resource": "hold.waitForTaskToken", "End": true}}}
        """,
            "{}");
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(600));

    engine.runUntil(T0.plusSeconds(599));
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);
    engine.runUntil(T0.plusSeconds(600));

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.TIMED_OUT);
    assertThat(d.error()).isEqualTo("States.Timeout");
    assertThat(d.stopDate()).isEqualTo(T0.plusSeconds(600));
    assertThat(engine.nextDueAt()).isEmpty();
  }

  @Test
  void executionThatFinishesInTimeIsNotTimedOutLater() {
    String arn =
        start(
            """
        {"TimeoutSeconds": 60, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30,
          "End": true}}}
        """,
            "{}");
    engine.runUntil(T0.plusSeconds(120));

    assertThat(describe(arn).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aLoopWithoutWaitIsStoppedAtTheTransitionLimit() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "Again", "States": {
          "Again": {"Type": "Pass", "Next": "Check"},
          "Check": {"Type": "Choice", "Choices": [
            {"Variable": "$.stop", "IsPresent": true, "Next": "Done"}], "Default": "Again"},
          "Done": {"Type": "Succeed"}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("25000");
  }

  @Test
  void stateMachineExposesItsShape() {
    StateMachine machine =
        engine.parse(
            """
        {"TimeoutSeconds": 90, "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}
        """);

    assertThat(machine.startAt()).isEqualTo("A");
    assertThat(machine.stateNames()).containsExactlyInAnyOrder("A", "B");
    assertThat(machine.timeout()).contains(Duration.ofSeconds(90));
  }
}
