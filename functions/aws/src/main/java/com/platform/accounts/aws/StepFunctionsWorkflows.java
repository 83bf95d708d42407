package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The workflows on Step Functions (Standard): one execution per challenge, resumed by task token.
 */
public final class StepFunctionsWorkflows implements Workflows {
  private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsWorkflows.class);

  /** The metric counting resumes whose task had already timed out, finished or gone. */
  public static final String TASK_NO_LONGER_WAITING = "WorkflowTaskNoLongerWaiting";

  private final SfnClient sfn;
  private final String contactVerificationStateMachineArn;
  private final String cardVerificationStateMachineArn;
  private final Telemetry telemetry;

  /**
   * A function names only the state machines it starts (the other ARN is null); every function may
   * resume an execution by its task token. {@code telemetry} counts the resumes that came too late.
   */
  public StepFunctionsWorkflows(
      SfnClient sfn,
      String contactVerificationStateMachineArn,
      String cardVerificationStateMachineArn,
      Telemetry telemetry) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.contactVerificationStateMachineArn = contactVerificationStateMachineArn;
    this.cardVerificationStateMachineArn = cardVerificationStateMachineArn;
  }

  private static String required(String stateMachineArn, String workflow) {
    if (stateMachineArn == null) {
      throw new IllegalStateException(
          "this function is not wired to start the " + workflow + " workflow");
    }
    return stateMachineArn;
  }

  /**
   * Starts the execution named after the challenge. Execution names are unique per state machine,
   * so a retried start (a Lambda retry, a lost response) cannot start a second process: Step
   * Functions answers it with the running execution or ExecutionAlreadyExists, and both mean it is
   * started.
   */
  @Override
  public void startContactVerification(String challengeId) {
    try {
      sfn.startExecution(
          request ->
              request
                  .stateMachineArn(
                      required(contactVerificationStateMachineArn, "contact-verification"))
                  .name(challengeId)
                  .input(input(Map.of("challengeId", challengeId))));
    } catch (ExecutionAlreadyExistsException alreadyStarted) {
      LOG.debug("contact verification already started");
    }
  }

  /** Starts the execution named after the payment method; a repeated start is a no-op. */
  @Override
  public void startCardVerification(String accountId, String paymentMethodId) {
    try {
      sfn.startExecution(
          request ->
              request
                  .stateMachineArn(required(cardVerificationStateMachineArn, "card-verification"))
                  .name(paymentMethodId)
                  .input(
                      input(Map.of("accountId", accountId, "paymentMethodId", paymentMethodId))));
    } catch (ExecutionAlreadyExistsException alreadyStarted) {
      LOG.debug("card verification already started");
    }
  }

  /**
   * Sends the task success. A token that timed out, finished or never existed is logged (never the
   * token itself) and otherwise ignored: the execution already moved on, and its own timeout path
   * handles a proof that came too late.
   */
  @Override
  public void resume(String taskToken, WorkflowOutcome outcome) {
    String output = output(outcome);
    try {
      sfn.sendTaskSuccess(request -> request.taskToken(taskToken).output(output));
    } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException gone) {
      // the error code names the case ("TaskTimedOut"); the task token is never logged
      LOG.warn("workflow task no longer waits ({}); left to its timeout", errorCode(gone));
      telemetry.count(TASK_NO_LONGER_WAITING);
    }
  }

  private static String errorCode(SfnException e) {
    return e.awsErrorDetails() == null
        ? e.getClass().getSimpleName()
        : e.awsErrorDetails().errorCode();
  }

  /** The task output the state machines read: {@code {"status": ...}}. */
  static String output(WorkflowOutcome outcome) {
    return input(Map.of("status", outcome.status()));
  }

  private static String input(Map<String, String> fields) {
    try {
      return Json.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("input not serialisable", e);
    }
  }
}
