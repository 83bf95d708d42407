package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.verification.VerificationProcess;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ContactVerificationWiring;
import java.util.Map;

/**
 * The contact-verification state machine's task: the after-work of a proven challenge. A challenge
 * still pending fails the task with {@code ChallengeNotProvenException}, which the state machine
 * retries for a few minutes; other failures are thrown for its Retry and Catch.
 */
public final class ContactVerificationTasks extends TaskHandler {
  private final VerificationProcess process;

  /** Production: the contact-verification workflow's steps. */
  public ContactVerificationTasks() {
    this(ContactVerificationWiring.process());
    Priming.register();
  }

  public ContactVerificationTasks(VerificationProcess process) {
    this.process = process;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> input, Context context) {
    String action = TaskInput.text(input, "action");
    String challengeId = TaskInput.text(input, "challengeId");
    if (!action.equals("PUBLISH_VERIFIED")) {
      throw new IllegalArgumentException("unknown action " + action);
    }
    return Map.of("status", process.publishVerified(challengeId));
  }
}
