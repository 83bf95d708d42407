package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** .waitForTaskToken tasks: success, failure, timeout and callbacks. */
class TaskTokenTest extends EngineTestSupport {

  private static final String RESOURCE = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

  private static final String VERIFY_EMAIL =
      """
      {"StartAt": "SendCode", "States": {
        "SendCode": {"Type": "Task", "Resource": "%s",
          "Parameters": {"token.$": "$$.Task.Token", "email.$": "$.email"},
          "TimeoutSeconds": 3600, "ResultPath": "$.verification",
          "Catch": [{"ErrorEquals": ["CodeRejected"], "ResultPath": "$.error",
                     "Next": "Rejected"}],
          "Next": "Verified"},
        "Verified": {"Type": "Succeed"},
        "Rejected": {"Type": "Fail", "Error": "EmailNotVerified"}}}
      """
          .formatted(RESOURCE);

  private String tokenOf(ScriptedInvoker.Call call) {
    return call.parameters().get("token").textValue();
  }

  @Test
  void waitForTaskTokenPausesUntilSendTaskSuccess() {
    String arn = start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");

    ScriptedInvoker.Call call = tasks.last(RESOURCE);
    String token = tokenOf(call);
    assertThat(call.context().taskToken()).isEqualTo(token);
    assertThat(token).matches("[A-Za-z0-9_-]{43,}");
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);

    engine.sendTaskSuccess(token, json("{\"verified\": true}"));

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output())
        .isEqualTo(
            json(
                """
        {"email": "a@example.com", "verification": {"verified": true}}
        """));
    assertThat(d.visitedStates()).containsExactly("SendCode", "Verified");
  }

  @Test
  void sendTaskFailureFailsTheTaskWithTheGivenErrorForCatch() {
    String arn = start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");

    engine.sendTaskFailure(tokenOf(tasks.last(RESOURCE)), "CodeRejected", "wrong code");

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("EmailNotVerified");
    assertThat(d.visitedStates()).containsExactly("SendCode", "Rejected");
  }

  @Test
  void waitForTaskTokenTimesOutWithStatesTimeout() {
    String arn = start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");
    String token = tokenOf(tasks.last(RESOURCE));
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(3600));

    clock.advanceBy(Duration.ofSeconds(3599));
    engine.runDue();
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);

    clock.advanceBy(Duration.ofSeconds(1));
    engine.runDue();

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Timeout");
    assertThat(d.stopDate()).isEqualTo(T0.plusSeconds(3600));
    assertThatThrownBy(() -> engine.sendTaskSuccess(token, json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
  }

  @Test
  void answeringInTimeCancelsTheTimeout() {
    String arn = start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");
    clock.advanceBy(Duration.ofSeconds(10));
    engine.sendTaskSuccess(tokenOf(tasks.last(RESOURCE)), json("1"));

    assertThat(engine.nextDueAt()).isEmpty();
    clock.advanceBy(Duration.ofHours(2));
    engine.runDue();
    assertThat(describe(arn).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void unknownAndAlreadyUsedTokensAreRejected() {
    start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");
    String token = tokenOf(tasks.last(RESOURCE));
    engine.sendTaskSuccess(token, json("{}"));

    assertThatThrownBy(() -> engine.sendTaskSuccess(token, json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
    assertThatThrownBy(() -> engine.sendTaskFailure(token, "E", "c"))
        .isInstanceOf(TaskTokenInvalidException.class);
    assertThatThrownBy(() -> engine.sendTaskSuccess("not-a-token", json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
    assertThatThrownBy(() -> engine.sendTaskSuccess(null, json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
  }

  @Test
  void everyTokenIsDifferent() {
    start(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");
    start(VERIFY_EMAIL, "{\"email\": \"b@example.com\"}");

    assertThat(tasks.calls(RESOURCE)).extracting(this::tokenOf).doesNotHaveDuplicates();
  }

  @Test
  void taskThatAnswersItsOwnTokenBeforeReturningCompletes() {
    tasks.on(
        RESOURCE,
        (r, p, c) -> {
          engine.sendTaskSuccess(c.taskToken(), json("{\"immediate\": true}"));
          return json("\"ignored\"");
        });

    ExecutionDescription d = run(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output().get("verification")).isEqualTo(json("{\"immediate\": true}"));
    assertThat(engine.nextDueAt()).isEmpty();
  }

  @Test
  void failingToDeliverTheTokenFailsTheTaskAtOnce() {
    tasks.on(
        RESOURCE,
        (r, p, c) -> {
          throw new TaskFailedException("CodeRejected", "queue unavailable");
        });

    ExecutionDescription d = run(VERIFY_EMAIL, "{\"email\": \"a@example.com\"}");

    assertThat(d.error()).isEqualTo("EmailNotVerified");
    assertThatThrownBy(
            () -> engine.sendTaskSuccess(tasks.last(RESOURCE).context().taskToken(), json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
  }

  @Test
  void retryAfterATokenTimeoutIssuesAFreshToken() {
    String arn =
        start(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s",
          "TimeoutSeconds": 60,
          "Retry": [{"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 10,
                     "MaxAttempts": 1}], "End": true}}}
        """
                .formatted(RESOURCE),
            "{}");
    String first = tasks.last(RESOURCE).context().taskToken();

    engine.runUntil(T0.plusSeconds(70));

    assertThat(tasks.calls(RESOURCE)).hasSize(2);
    String second = tasks.last(RESOURCE).context().taskToken();
    assertThat(second).isNotEqualTo(first);
    assertThatThrownBy(() -> engine.sendTaskSuccess(first, json("{}")))
        .isInstanceOf(TaskTokenInvalidException.class);
    engine.sendTaskSuccess(second, json("\"ok\""));
    assertThat(describe(arn).output()).isEqualTo(json("\"ok\""));
  }
}
