package com.platform.accounts.handlers.tasks;

/**
 * A task failed on a dependency that refuses or does not answer for now (a DynamoDB or SNS
 * throttle, a 5xx, a network failure, the card processor unavailable, a write that kept losing
 * races). Lambda reports it under this class's name, which the state machines retry with backoff
 * for minutes, as they retry Lambda's own throttling.
 */
public final class TransientTaskFailure extends RuntimeException {
  TransientTaskFailure(Throwable cause) {
    // the cause's class only: messages of dependency failures may quote request data
    super(cause.getClass().getName(), null, false, false);
  }
}
