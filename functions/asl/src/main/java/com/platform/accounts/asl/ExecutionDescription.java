package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one execution, as {@link AslEngine#describe} and {@link AslEngine#executions}
 * return it. The JSON values are copies: changing them does not affect the engine.
 *
 * @param executionArn {@code arn:aws:states:local:000000000000:execution:<machine>:<name>}
 * @param name the execution name
 * @param stateMachineName the name the execution was started under
 * @param status the current status
 * @param input the execution input
 * @param output the execution output once {@link Status#SUCCEEDED}, otherwise {@code null}
 * @param error the error name once FAILED, TIMED_OUT or ABORTED (may be {@code null})
 * @param cause the error cause once FAILED, TIMED_OUT or ABORTED (may be {@code null})
 * @param startDate when the execution started, on the engine's clock
 * @param stopDate when it stopped, or {@code null} while it is running
 * @param visitedStates the names of the states entered, in order, at the top level and in nested
 *     Parallel branches and Map iterations alike (a retry is not a new entry)
 */
public record ExecutionDescription(
    String executionArn,
    String name,
    String stateMachineName,
    Status status,
    JsonNode input,
    JsonNode output,
    String error,
    String cause,
    Instant startDate,
    Instant stopDate,
    List<String> visitedStates) {

  public ExecutionDescription {
    visitedStates = List.copyOf(visitedStates);
  }

  /** The status of an execution, with the names the Step Functions API uses. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED
  }
}
