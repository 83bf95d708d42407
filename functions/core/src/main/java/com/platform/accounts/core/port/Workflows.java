package com.platform.accounts.core.port;

/**
 * The short pieces of work that run after a request (Step Functions in AWS, the local ASL engine in
 * development). None waits for a person: what waits lives in the table (a code's lifetime, a card's
 * due release), and each execution only runs the steps of one piece of work, with retries. Each
 * execution is named after the item it works on, so a repeated start is answered as started and the
 * work runs once.
 */
public interface Workflows {

  /**
   * Starts the after-work of a proven challenge (publish the verified contact, release the email
   * from accounts that only named it, welcome the owner). Called just before the proof is written,
   * so that a start refused for throttling leaves the code unproven for a retry; the execution
   * waits a little for the proof and ends without doing anything if it never comes.
   *
   * @throws WorkflowUnavailableException when Step Functions throttles or cannot be reached
   */
  void startContactVerification(String challengeId);

  /**
   * Starts the work that follows placing a card's charges: confirm the placement (or release an
   * incomplete one) and tell the owner what to look for.
   *
   * @throws WorkflowUnavailableException when Step Functions throttles or cannot be reached
   */
  void startCardVerification(String accountId, String paymentMethodId);

  /**
   * Starts the completion of a PayPal link whose payer came back approved: make the payment token
   * (with the same request id on every retry), record it, tell the owner. Called just before the
   * return's state is used, so that a start refused for throttling leaves it usable for a retry;
   * the execution waits a little for the return to be recorded and ends without doing anything if
   * it never is.
   *
   * @throws WorkflowUnavailableException when Step Functions throttles or cannot be reached
   */
  void startPayPalLinking(String accountId, String paymentMethodId);

  /**
   * Starts an account deletion's work: collect its final charges if any are outstanding, then, once
   * it is DELETED, erase the account (release and detach cards, delete a PayPal agreement, say
   * goodbye, write the tombstone). Named after the deletion, so a repeated start runs it once.
   * Called just before the deletion is written as DELETED, so that a start refused for throttling
   * leaves the account as it was for a retry; the execution waits a little for the deletion and
   * ends without doing anything if it never comes.
   *
   * @throws WorkflowUnavailableException when Step Functions throttles or cannot be reached
   */
  void startAccountDeletion(String accountId, String deletionId);
}
