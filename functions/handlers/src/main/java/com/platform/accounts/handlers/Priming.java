package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.handlers.api.SignupApi;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before the snapshot is taken, run the request path once so that the classes it
 * loads (routing, JSON, validation, problem+json, the DynamoDB client's marshallers) and the clients'
 * first connection setup are inside the snapshot instead of in a user's first request.
 */
final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private final AccountLifecycle lifecycle;

  private Priming(AccountLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  static void register(AccountLifecycle lifecycle) {
    Core.getGlobalContext().register(new Priming(lifecycle));
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      // an invalid sign-up: parsed, validated and answered 400, with no side effect
      new SignupApi(lifecycle).handleRequest(new APIGatewayProxyRequestEvent()
          .withHttpMethod("POST").withResource("/v1/signups").withPath("/v1/signups")
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody("{\"country\":\"US\",\"email\":\"priming\",\"termsAccepted\":false}"), null);
      // a read of an id that cannot exist warms the DynamoDB client and its connection
      lifecycle.ports().accounts().find("acc_priming");
    } catch (RuntimeException e) {
      // priming is an optimisation: a failure must not stop the snapshot
      LOG.warn("priming incomplete: {}", e.getClass().getName());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients reconnect on demand and keys do not change
  }
}
