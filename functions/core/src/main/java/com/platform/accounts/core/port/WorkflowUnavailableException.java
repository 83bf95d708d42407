package com.platform.accounts.core.port;

/**
 * Step Functions refused or did not answer a start (throttling, an outage): nothing was started,
 * and the caller may try again shortly.
 */
public class WorkflowUnavailableException extends RuntimeException {
  public WorkflowUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
