package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.RequestHandler;
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
 * SnapStart priming, per function: before the snapshot is taken, run the function's own request path
 * once with a harmless input, and read the table once, so that the classes this function loads
 * (routing, JSON, validation, problem+json, the DynamoDB client's marshallers) and its client's first
 * connection setup are inside the snapshot instead of in a user's first request. Nothing a function
 * does not use is primed.
 */
public final class Priming<I> implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private final RequestHandler<I, ?> handler;
  private final I input;

  private Priming(RequestHandler<I, ?> handler, I input) {
    this.handler = handler;
    this.input = input;
  }

  /**
   * Registers the handler's priming: it is invoked once with {@code input} (which must change
   * nothing: an invalid request, an unknown id; null for none), then an account id that cannot
   * exist is read.
   */
  public static <I> void register(RequestHandler<I, ?> handler, I input) {
    // without a snapshot to come, priming would only lengthen the cold start it is meant to remove
    if (Settings.fromEnvironment().snapStart()) {
      Core.getGlobalContext().register(new Priming<>(handler, input));
    }
  }

  /** An API Gateway request without a session: answered before any side effect. */
  public static APIGatewayProxyRequestEvent apiRequest(String method, String resource,
      String body) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method).withResource(resource).withPath(resource)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(body);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      if (input != null) {
        handler.handleRequest(input, null);
      }
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
