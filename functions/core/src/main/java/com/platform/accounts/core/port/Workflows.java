package com.platform.accounts.core.port;

/**
 * The long-running processes (Step Functions in AWS, the local ASL engine in development). A
 * waiting execution is resumed with the task token it handed to its task.
 */
public interface Workflows {

  /**
   * Starts the contact-verification process of a challenge; the challenge id names the execution.
   */
  void startContactVerification(String challengeId);

  /** Starts the card-verification process of a payment method (its id names the execution). */
  void startCardVerification(String accountId, String paymentMethodId);

  /** Resumes the execution waiting on this task token with the outcome it waited for. */
  void resume(String taskToken, WorkflowOutcome outcome);
}
