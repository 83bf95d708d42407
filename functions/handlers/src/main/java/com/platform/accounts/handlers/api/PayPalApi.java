package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.paypal.LinkStarted;
import com.platform.accounts.core.paypal.PayPalLinking;
import com.platform.accounts.core.paypal.ReturnOutcome;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.PayPalWiring;
import java.net.URI;
import java.util.Map;

/**
 * Linking PayPal: the signed-in account starts a link and gets PayPal's approval page; the browser
 * comes back from PayPal to {@code GET /v1/paypal/return} (no session: it is a top-level navigation
 * from PayPal, which the state authenticates) and is sent on, 303, to the frontend page the link
 * was started with.
 */
public final class PayPalApi extends ApiHandler {
  static final String RETURN_PATH = "/v1/paypal/return";

  private final PayPalLinking linking;

  /** This API's return URL as configured; null: from the request API Gateway received. */
  private final URI returnUrl;

  /** Production: the PayPal wiring (vault client, keys, workflow), session check, idempotency. */
  public PayPalApi() {
    this(
        PayPalWiring.linking(),
        PayPalWiring.configuredReturnUrl(),
        ApiWiring.authenticator(),
        ApiWiring.idempotency());
    Priming.register(
        () -> handle(Priming.apiRequest("POST", "/v1/account/payment-methods/paypal", "{}"), null));
  }

  /**
   * @param returnUrl this API's {@code GET /v1/paypal/return} as the browser reaches it; null to
   *     take it from each request
   */
  public PayPalApi(
      PayPalLinking linking, URI returnUrl, Authenticator authenticator, Idempotency idempotency) {
    super(authenticator, idempotency);
    this.linking = linking;
    this.returnUrl = returnUrl;
    sessionRoute("POST", "/v1/account/payment-methods/paypal", this::link);
    route("GET", RETURN_PATH, this::returned);
  }

  private ApiResponse link(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String back = body.requiredString("returnUrl");
    String cancel = body.requiredString("cancelUrl");
    body.validation().throwIfInvalid();
    String serviceReturn =
        returnUrl != null ? returnUrl.toString() : request.publicUrl(RETURN_PATH);
    if (serviceReturn == null) {
      throw Problem.unavailable("This API does not know its own address; configure it.", 60);
    }
    LinkStarted started = linking.start(account, back, cancel, serviceReturn);
    ObjectNode node = Views.paymentMethod(started.paymentMethod());
    node.put("approvalUrl", started.approvalUrl());
    return ApiResponse.of(201, node);
  }

  private ApiResponse returned(ApiRequest request) {
    // API.md names the setup token "token"; PayPal's vault approval sends it back as
    // "approval_token_id" (with an "approval_session_id" this service does not need)
    String token = request.queryParameter("token");
    ReturnOutcome outcome =
        linking.handleReturn(
            token != null ? token : request.queryParameter("approval_token_id"),
            request.queryParameter("state"),
            "true".equals(request.queryParameter("cancelled")));
    return new ApiResponse(303, Map.of("Location", PayPalLinking.redirect(outcome)), null)
        // the redirect carries no secret, yet the page it came from does: keep the state out of
        // the next page's Referer
        .withHeader("Referrer-Policy", "no-referrer");
  }
}
