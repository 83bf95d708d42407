package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.verification.VerificationProcess;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ContactVerificationWiring;
import java.util.Map;

/**
 * The contact-verification state machine's tasks. The payload names the action; failures are thrown
 * so that the state machine's Retry and Catch decide what happens next.
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
    switch (action) {
      case "AWAIT_VERIFICATION":
        process.await(challengeId, TaskInput.text(input, "taskToken"));
        return Map.of("status", "WAITING");
      case "EXPIRE_CHALLENGE":
        return Map.of("status", process.expire(challengeId));
      case "PUBLISH_VERIFIED":
        process.publishVerified(challengeId);
        return Map.of("status", VerificationProcess.VERIFIED);
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
