package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state calls.
 *
 * <p>{@code resource} is the Task's {@code Resource} string exactly as written in the definition,
 * after the caller's own substitution of {@code ${...}} placeholders (the engine never does that
 * substitution itself, so the same definition file can be used unchanged here and on AWS).
 *
 * <p>An implementation may call back into the engine (for example {@link AslEngine#sendTaskSuccess}
 * for its own token, or {@link AslEngine#startExecution} for another state machine). Such calls are
 * queued and carried out as soon as this invocation returns, on the same thread. An implementation
 * may also block while another thread calls the engine: the engine's lock is not held during an
 * invocation.
 */
@FunctionalInterface
public interface TaskInvoker {

  /**
   * Runs a task.
   *
   * <p>For a resource ending in {@code .waitForTaskToken} the return value is ignored and the
   * execution waits for {@link AslEngine#sendTaskSuccess} or {@link AslEngine#sendTaskFailure} with
   * the token that was available to the Parameters as {@code $$.Task.Token} (and is also passed
   * here in {@link TaskContext#taskToken()}).
   *
   * @param resource the Task's Resource string
   * @param parameters the effective task input (after InputPath and Parameters); a private copy the
   *     implementation may keep or modify
   * @param context the execution and state this invocation belongs to
   * @return the task result ({@code null} is treated as JSON null)
   * @throws TaskFailedException to fail the task with an error name and cause, which Retry and
   *     Catch then match against
   */
  JsonNode invoke(String resource, JsonNode parameters, TaskContext context)
      throws TaskFailedException;
}
