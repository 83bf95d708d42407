package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
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
    try {
      if (context == null) {
        return run(input, null);
      }
      return PowertoolsLogging.withLogging(context, () -> run(input, context));
    } catch (RuntimeException e) {
      if (isTransient(e)) {
        throw new TransientTaskFailure(e);
      }
      throw e;
    }
  }

  /**
   * Whether the failure is a dependency's that passes: throttled or failing on its side, not
   * reached, or a conditional write that lost every race. Those are retried for minutes by the
   * state machine; anything else is retried briefly or caught.
   */
  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service
          && (service.isThrottlingException() || service.statusCode() >= 500)) {
        return true;
      }
      if (t instanceof SdkClientException
          || t instanceof UncheckedIOException
          || t instanceof ProcessorUnavailableException
          || t instanceof PayPalUnavailableException
          || t instanceof ConcurrentModificationException
          || (t instanceof Problem problem
              && (problem.code() == ErrorCode.PROCESSOR_UNAVAILABLE
                  || problem.code() == ErrorCode.SERVICE_UNAVAILABLE))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the action of the payload. {@code context} is null outside Lambda (tests, the local
   * runtime); a task that watches its remaining time then has no deadline.
   */
  protected abstract Map<String, Object> run(Map<String, Object> input, Context context);
}
