package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.paypal.PayPalEvent;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PayPalWebhook;
import com.platform.accounts.core.paypal.PayPalWebhooks;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.PayPalWiring;

/**
 * PayPal's webhooks: the body as received goes to the signature check; the event's id, type and
 * resource id to the core. 200 once handled (or seen before), 400 for a bad or stale signature, 503
 * when the signature could not be checked (PayPal delivers again).
 */
public final class PayPalWebhookApi extends ApiHandler {
  private final PayPalWebhooks webhooks;

  /** Production: the PayPal wiring's signature check, the table. */
  public PayPalWebhookApi() {
    this(PayPalWiring.webhooks(), ApiWiring.authenticator(), ApiWiring.idempotency());
    Priming.register(() -> handle(Priming.apiRequest("POST", "/v1/webhooks/paypal", "{}"), null));
  }

  public PayPalWebhookApi(
      PayPalWebhooks webhooks, Authenticator authenticator, Idempotency idempotency) {
    super(authenticator, idempotency);
    this.webhooks = webhooks;
    route("POST", "/v1/webhooks/paypal", this::receive);
  }

  private ApiResponse receive(ApiRequest request) {
    // the signature covers the body's exact text: parse a copy, hand over the original
    RequestBody body = RequestBody.parse(request.body(), false);
    JsonNode event = body.node();
    PayPalWebhook delivery =
        new PayPalWebhook(
            request.header("PAYPAL-TRANSMISSION-ID"),
            request.header("PAYPAL-TRANSMISSION-TIME"),
            request.header("PAYPAL-TRANSMISSION-SIG"),
            request.header("PAYPAL-CERT-URL"),
            request.header("PAYPAL-AUTH-ALGO"),
            request.body());
    try {
      webhooks.receive(
          delivery,
          new PayPalEvent(
              text(event, "id"), text(event, "event_type"), text(event.path("resource"), "id")));
    } catch (PayPalUnavailableException e) {
      throw Problem.unavailable("The signature could not be checked; deliver again.", 60);
    }
    return ApiResponse.of(200, Json.object().put("received", true));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
