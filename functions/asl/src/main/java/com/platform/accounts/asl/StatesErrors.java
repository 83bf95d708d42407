package com.platform.accounts.asl;

import java.util.List;

/** The predefined error names of the Amazon States Language that this engine raises or matches. */
public final class StatesErrors {

  /**
   * Matches every error in Retry and Catch (except the terminal ones); must stand alone and last.
   */
  public static final String ALL = "States.ALL";

  /** Matches every error except {@link #TIMEOUT} (and the terminal ones). */
  public static final String TASK_FAILED = "States.TaskFailed";

  /** A task ran longer than its TimeoutSeconds, or an execution longer than its TimeoutSeconds. */
  public static final String TIMEOUT = "States.Timeout";

  /**
   * A path or data problem at run time; it always fails the execution (never retried or caught).
   */
  public static final String RUNTIME = "States.Runtime";

  /** An intrinsic function was given arguments it cannot work with. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

  /** A Choice state matched no rule and has no Default. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  /** A ResultPath could not be applied to the state's input. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

  private StatesErrors() {}

  /**
   * Whether an error ends the execution regardless of Retry and Catch. AWS documents States.Runtime
   * as such: "a retry or catch on States.ALL won't catch States.Runtime errors".
   */
  static boolean isTerminal(String error) {
    return RUNTIME.equals(error);
  }

  /** Whether a Retry or Catch {@code ErrorEquals} list covers {@code error}. */
  static boolean matches(List<String> errorEquals, String error) {
    if (isTerminal(error)) {
      return false;
    }
    for (String candidate : errorEquals) {
      if (ALL.equals(candidate)) {
        return true;
      }
      if (TASK_FAILED.equals(candidate) && !TIMEOUT.equals(error)) {
        return true;
      }
      if (candidate.equals(error)) {
        return true;
      }
    }
    return false;
  }
}
