package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.api.AccountApi;
import com.platform.accounts.handlers.api.PayPalApi;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A person linking PayPal over the Lambda event path: the sample events of {@code events/} with the
 * session, body and query of each step, and the sandbox PayPal's approval page in between.
 */
public final class PayPalFlow {
  public static final String PASSWORD = "correct horse battery staple";
  public static final String RETURN_URL = TestLifecycle.FRONTEND + "/billing/paypal/done";
  public static final String CANCEL_URL = TestLifecycle.FRONTEND + "/billing";

  public final TestLifecycle t;
  public final PayPalApi payPalApi;
  public final PaymentMethodsApi paymentMethodsApi;
  public final AccountApi accountApi;

  public PayPalFlow(TestLifecycle t) {
    this.t = t;
    this.payPalApi = TestHandlers.payPalApi(t.lifecycle);
    this.paymentMethodsApi = TestHandlers.paymentMethodsApi(t.lifecycle);
    this.accountApi = TestHandlers.accountApi(t.lifecycle);
  }

  /** A new account with both contacts proven, as linking PayPal needs: its session. */
  public String signUp(String email) {
    String session = signUpEmailOnly(email);
    t.provePhone(accountId(session));
    return session;
  }

  public String signUpEmailOnly(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("AU", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).session().token();
  }

  public String accountId(String session) {
    return t.lifecycle.authenticator().authenticate(session).accountId();
  }

  /** {@code POST /v1/account/payment-methods/paypal}; a null session sends no Authorization. */
  public APIGatewayProxyResponseEvent link(String session, String returnUrl, String cancelUrl) {
    Map<String, String> body = new HashMap<>();
    body.put("returnUrl", returnUrl);
    body.put("cancelUrl", cancelUrl);
    APIGatewayProxyRequestEvent event =
        Events.api("PayPalApiFunction-post-paypal.json").withBody(write(body));
    bearer(event, session);
    return payPalApi.handle(event, null);
  }

  public APIGatewayProxyResponseEvent link(String session) {
    return link(session, RETURN_URL, CANCEL_URL);
  }

  /**
   * The payer at the sandbox PayPal's approval page (the approval URL's {@code token}): answers the
   * URL PayPal sends the browser back to.
   */
  public String atPayPal(String approvalUrl, boolean approved, boolean payerVerified) {
    return t.paypal
        .approve(query(approvalUrl, "token"), approved, payerVerified, "payer@paypal.example")
        .orElseThrow();
  }

  /** The browser at {@code GET /v1/paypal/return} with the query PayPal sent it back with. */
  public APIGatewayProxyResponseEvent returnTo(String url) {
    Map<String, String> parameters = new HashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return returnWith(parameters);
  }

  public APIGatewayProxyResponseEvent returnWith(Map<String, String> parameters) {
    APIGatewayProxyRequestEvent event =
        Events.api("PayPalApiFunction-get-return.json").withQueryStringParameters(parameters);
    event.setMultiValueQueryStringParameters(null);
    return payPalApi.handle(event, null);
  }

  /** Links PayPal as a verified payer, all the way: the ACTIVE method's id. */
  public String linked(String session) {
    JsonNode started = json(link(session));
    returnTo(atPayPal(started.path("approvalUrl").asText(), true, true));
    return started.path("paymentMethodId").asText();
  }

  /** {@code GET /v1/account}. */
  public JsonNode account(String session) {
    APIGatewayProxyRequestEvent event = Events.api("AccountApiFunction-get-account.json");
    bearer(event, session);
    return json(accountApi.handle(event, null));
  }

  /** The account's payment method as {@code GET /v1/account} shows it. */
  public JsonNode method(String session, String paymentMethodId) {
    for (JsonNode pm : account(session).path("paymentMethods")) {
      if (paymentMethodId.equals(pm.path("paymentMethodId").asText())) {
        return pm;
      }
    }
    return Json.MAPPER.missingNode();
  }

  /** The payment token PayPal made for a linked method, as stored. */
  public String paymentToken(String session, String paymentMethodId) {
    return t.table
        .paymentMethods()
        .find(accountId(session), paymentMethodId)
        .orElseThrow()
        .paypal()
        .paymentTokenId();
  }

  /** {@code DELETE /v1/account/payment-methods/{paymentMethodId}} through PaymentMethodsApi. */
  public APIGatewayProxyResponseEvent remove(String session, String paymentMethodId) {
    APIGatewayProxyRequestEvent event =
        Events.api("AccountApiFunction-get-account.json")
            .withHttpMethod("DELETE")
            .withResource("/v1/account/payment-methods/{paymentMethodId}")
            .withPath("/v1/account/payment-methods/" + paymentMethodId)
            .withPathParameters(Map.of("paymentMethodId", paymentMethodId));
    bearer(event, session);
    return paymentMethodsApi.handle(event, null);
  }

  public static JsonNode json(APIGatewayProxyResponseEvent response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parameter of a URL's query, decoded; null if absent. */
  public static String query(String url, String name) {
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
        return decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static void bearer(APIGatewayProxyRequestEvent event, String session) {
    if (session == null) {
      event.getHeaders().remove("Authorization");
      event.setMultiValueHeaders(null);
    } else {
      event.getHeaders().put("Authorization", "Bearer " + session);
    }
  }

  private static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
