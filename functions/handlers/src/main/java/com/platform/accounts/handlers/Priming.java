package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.platform.accounts.handlers.wiring.Infrastructure;
import com.platform.accounts.handlers.wiring.Settings;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming, per function: before the snapshot is taken, run the function's own request
 * path once with a harmless input, and read the table once, so that the classes this function loads
 * (routing, JSON, validation, problem+json, the DynamoDB client's marshallers) and its client's
 * first connection setup are inside the snapshot instead of in a user's first request. Nothing a
 * function does not use is primed.
 */
public final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private final Runnable invocation;

  private Priming(Runnable invocation) {
    this.invocation = invocation;
  }

  /**
   * Registers the function's priming: {@code invocation} runs the handler once with an input that
   * changes nothing (an invalid request, an unknown id), then an account id that cannot exist is
   * read.
   */
  public static void register(Runnable invocation) {
    // without a snapshot to come, priming would only lengthen the cold start it is meant to remove
    if (Settings.fromEnvironment().snapStart()) {
      Core.getGlobalContext().register(new Priming(invocation));
    }
  }

  /** Priming of a function without a harmless request to make: a read of the table only. */
  public static void register() {
    register(() -> {});
  }

  /** An API Gateway request without a session: answered before any side effect. */
  public static APIGatewayProxyRequestEvent apiRequest(
      String method, String resource, String body) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(resource)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(body);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      invocation.run();
      Infrastructure.table().accounts().find("acc_priming");
    } catch (RuntimeException e) {
      // priming is an optimisation: a failure must not stop the snapshot, but it is reported
      LOG.warn("priming incomplete: {}", e.getClass().getName());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients reconnect on demand and keys do not change
  }
}
