package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import com.platform.accounts.core.port.Workflows;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The workflows on Step Functions (Standard): short executions, each named after the item it works
 * on, so that a repeated start runs the work once.
 */
public final class StepFunctionsWorkflows implements Workflows {
  private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsWorkflows.class);

  /**
   * What the after-work execution of a challenge is named after the challenge id. Not the id alone:
   * executions of the previous, waiting design are named so, and a start with a running execution's
   * name and input is answered with that execution instead of a new one.
   */
  public static final String PROVEN_SUFFIX = "-proven";

  private final SfnClient sfn;
  private final String contactVerificationStateMachineArn;
  private final String cardVerificationStateMachineArn;
  private final String payPalLinkingStateMachineArn;
  private final String accountDeletionStateMachineArn;

  /** A function names only the state machines it starts (the other ARNs are null). */
  public StepFunctionsWorkflows(
      SfnClient sfn,
      String contactVerificationStateMachineArn,
      String cardVerificationStateMachineArn) {
    this(sfn, contactVerificationStateMachineArn, cardVerificationStateMachineArn, null);
  }

  /** A function names only the state machines it starts (the other ARNs are null). */
  public StepFunctionsWorkflows(
      SfnClient sfn,
      String contactVerificationStateMachineArn,
      String cardVerificationStateMachineArn,
      String payPalLinkingStateMachineArn) {
    this(
        sfn,
        contactVerificationStateMachineArn,
        cardVerificationStateMachineArn,
        payPalLinkingStateMachineArn,
        null);
  }

  /** A function names only the state machines it starts (the other ARNs are null). */
  public StepFunctionsWorkflows(
      SfnClient sfn,
      String contactVerificationStateMachineArn,
      String cardVerificationStateMachineArn,
      String payPalLinkingStateMachineArn,
      String accountDeletionStateMachineArn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    this.contactVerificationStateMachineArn = contactVerificationStateMachineArn;
    this.cardVerificationStateMachineArn = cardVerificationStateMachineArn;
    this.payPalLinkingStateMachineArn = payPalLinkingStateMachineArn;
    this.accountDeletionStateMachineArn = accountDeletionStateMachineArn;
  }

  private static String required(String stateMachineArn, String workflow) {
    if (stateMachineArn == null) {
      throw new IllegalStateException(
          "this function is not wired to start the " + workflow + " workflow");
    }
    return stateMachineArn;
  }

  /**
   * Starts the after-work of a proven challenge. Execution names are unique per state machine, so a
   * retried start (a request judged again, a lost response) cannot start a second one: Step
   * Functions answers it with the running execution or ExecutionAlreadyExists, and both mean it is
   * started.
   */
  @Override
  public void startContactVerification(String challengeId) {
    start(
        required(contactVerificationStateMachineArn, "contact-verification"),
        challengeId + PROVEN_SUFFIX,
        Map.of("challengeId", challengeId));
  }

  /** Starts the execution named after the payment method; a repeated start is a no-op. */
  @Override
  public void startCardVerification(String accountId, String paymentMethodId) {
    start(
        required(cardVerificationStateMachineArn, "card-verification"),
        paymentMethodId,
        Map.of("accountId", accountId, "paymentMethodId", paymentMethodId));
  }

  /** Starts the completion named after the PayPal payment method; a repeated start is a no-op. */
  @Override
  public void startPayPalLinking(String accountId, String paymentMethodId) {
    start(
        required(payPalLinkingStateMachineArn, "paypal-linking"),
        paymentMethodId,
        Map.of("accountId", accountId, "paymentMethodId", paymentMethodId));
  }

  /** Starts the deletion's work, named after the deletion; a repeated start is a no-op. */
  @Override
  public void startAccountDeletion(String accountId, String deletionId) {
    start(
        required(accountDeletionStateMachineArn, "account-deletion"),
        deletionId,
        Map.of("accountId", accountId, "deletionId", deletionId));
  }

  /**
   * A start that Step Functions throttles, fails on its side or never answers (after the SDK's own
   * retries) started nothing: it is {@link WorkflowUnavailableException}, which the caller answers
   * as "try again". Anything else (a missing permission, a bad name) is a bug and propagates.
   */
  private void start(String stateMachineArn, String name, Map<String, String> input) {
    try {
      sfn.startExecution(
          request -> request.stateMachineArn(stateMachineArn).name(name).input(input(input)));
    } catch (ExecutionAlreadyExistsException alreadyStarted) {
      LOG.debug("execution already started");
    } catch (SfnException e) {
      if (e.isThrottlingException() || e.statusCode() >= 500) {
        throw new WorkflowUnavailableException(errorCode(e), e);
      }
      throw e;
    } catch (SdkClientException e) {
      throw new WorkflowUnavailableException("Step Functions did not answer", e);
    }
  }

  private static String errorCode(SfnException e) {
    return e.awsErrorDetails() == null
        ? e.getClass().getSimpleName()
        : e.awsErrorDetails().errorCode();
  }

  private static String input(Map<String, String> fields) {
    try {
      return Json.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("input not serialisable", e);
    }
  }
}
