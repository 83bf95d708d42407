package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The workflows on Step Functions (Standard): one execution per challenge, resumed by task token. */
public final class StepFunctionsWorkflows implements Workflows {
  private static final System.Logger LOG = System.getLogger(StepFunctionsWorkflows.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SfnClient sfn;
  private final String contactVerificationStateMachineArn;
  private final String cardVerificationStateMachineArn;

  public StepFunctionsWorkflows(SfnClient sfn, String contactVerificationStateMachineArn,
      String cardVerificationStateMachineArn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    this.contactVerificationStateMachineArn =
        Objects.requireNonNull(contactVerificationStateMachineArn, "state machine ARN");
    this.cardVerificationStateMachineArn =
        Objects.requireNonNull(cardVerificationStateMachineArn, "card state machine ARN");
  }

  /**
   * Starts the execution named after the challenge. Execution names are unique per state machine, so
   * a retried start (a Lambda retry, a lost response) cannot start a second process: Step Functions
   * answers it with the running execution or ExecutionAlreadyExists, and both mean it is started.
   */
  @Override
  public void startContactVerification(String challengeId) {
    try {
      sfn.startExecution(request -> request
          .stateMachineArn(contactVerificationStateMachineArn)
          .name(challengeId)
          .input(input(Map.of("challengeId", challengeId))));
    } catch (ExecutionAlreadyExistsException alreadyStarted) {
      LOG.log(Level.DEBUG, "contact verification already started");
    }
  }

  /** Starts the execution named after the payment method; a repeated start is a no-op. */
  @Override
  public void startCardVerification(String accountId, String paymentMethodId) {
    try {
      sfn.startExecution(request -> request
          .stateMachineArn(cardVerificationStateMachineArn)
          .name(paymentMethodId)
          .input(input(Map.of("accountId", accountId, "paymentMethodId", paymentMethodId))));
    } catch (ExecutionAlreadyExistsException alreadyStarted) {
      LOG.log(Level.DEBUG, "card verification already started");
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
      LOG.log(Level.WARNING, "workflow task no longer waits ({0}); left to its timeout",
          errorCode(gone));
    }
  }

  private static String errorCode(SfnException e) {
    return e.awsErrorDetails() == null ? e.getClass().getSimpleName()
        : e.awsErrorDetails().errorCode();
  }

  /** The task output the state machines read: {@code {"status": ...}}. */
  static String output(WorkflowOutcome outcome) {
    return input(Map.of("status", outcome.status()));
  }

  private static String input(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("input not serialisable", e);
    }
  }
}
