package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The frame of a Step Functions task function: the payload names the action, the answer is a small
 * JSON object, and a failure is thrown so that the state machine's Retry and Catch decide what
 * happens.
 */
public abstract class TaskHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (context == null) {
      return run(input, null);
    }
    return PowertoolsLogging.withLogging(context, () -> run(input, context));
  }

  /**
   * Runs the action of the payload. {@code context} is null outside Lambda (tests, the local
   * runtime); a task that watches its remaining time then has no deadline.
   */
  protected abstract Map<String, Object> run(Map<String, Object> input, Context context);
}
