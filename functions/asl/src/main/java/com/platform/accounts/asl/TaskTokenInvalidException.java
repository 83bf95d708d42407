package com.platform.accounts.asl;

/**
 * Thrown by {@link AslEngine#sendTaskSuccess} and {@link AslEngine#sendTaskFailure} for a token the
 * engine never issued, one that was already answered, or one whose task is no longer waiting (it
 * timed out, or its execution or branch ended).
 */
public class TaskTokenInvalidException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskTokenInvalidException(String message) {
    super(message);
  }
}
