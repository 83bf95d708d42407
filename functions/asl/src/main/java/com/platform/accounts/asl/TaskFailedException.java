package com.platform.accounts.asl;

/**
 * Thrown by a {@link TaskInvoker} to fail a Task state. The error name is what Retry and Catch
 * {@code ErrorEquals} lists are matched against; the cause is free text (often a message or a JSON
 * document), passed on unchanged as the {@code Cause} of the error output.
 */
public final class TaskFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  public TaskFailedException(String error, String cause) {
    this(error, cause, null);
  }

  /**
   * Like {@link #TaskFailedException(String, String)}, keeping the Java exception that led to it.
   */
  public TaskFailedException(String error, String cause, Throwable throwable) {
    super(error + (cause == null ? "" : ": " + cause), throwable);
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("a task failure needs an error name");
    }
    this.error = error;
    this.cause = cause;
  }

  /** The error name, for example {@code PaymentDeclined} or {@code States.TaskFailed}. */
  public String error() {
    return error;
  }

  /** The cause, possibly {@code null}. */
  public String cause() {
    return cause;
  }
}
