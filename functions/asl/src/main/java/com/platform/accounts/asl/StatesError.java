package com.platform.accounts.asl;

/**
 * A States Language error raised while running a state: an error name and a cause, exactly what
 * Retry and Catch see. It is control flow inside the engine, so it carries no stack trace.
 */
final class StatesError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  static StatesError runtime(String cause) {
    return new StatesError(StatesErrors.RUNTIME, cause);
  }

  static StatesError intrinsic(String cause) {
    return new StatesError(StatesErrors.INTRINSIC_FAILURE, cause);
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }
}
