package com.platform.accounts.handlers.api;

import static com.platform.accounts.handlers.PayPalFlow.CANCEL_URL;
import static com.platform.accounts.handlers.PayPalFlow.RETURN_URL;
import static com.platform.accounts.handlers.PayPalFlow.json;
import static com.platform.accounts.handlers.PayPalFlow.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.CapturedLogs;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.PayPalFlow;
import com.platform.accounts.handlers.TestHandlers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayPalApiTest {
  private final TestLifecycle t = new TestLifecycle();
  private final PayPalFlow flow = new PayPalFlow(t);
  private String session;

  @BeforeEach
  void signUp() {
    session = flow.signUp("ana@example.com");
  }

  private List<JsonNode> methods() {
    List<JsonNode> list = new ArrayList<>();
    flow.account(session).path("paymentMethods").forEach(list::add);
    return list;
  }

  private static void assertInvalidState(APIGatewayProxyResponseEvent response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(json(response).path("code").asText()).isEqualTo("INVALID_STATE");
  }

  @Test
  void linkingAnswers201WithPayPalsApprovalPageAndAPendingMethod() {
    APIGatewayProxyResponseEvent response = flow.link(session);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.path("paymentMethodId").asText()).startsWith("pm_");
    assertThat(body.path("type").asText()).isEqualTo("PAYPAL");
    assertThat(body.path("status").asText()).isEqualTo("PENDING_APPROVAL");
    assertThat(body.path("approvalUrl").asText())
        .startsWith(SandboxPayPal.APPROVAL_PAGE + "?token=");
    assertThat(methods()).hasSize(1);
  }

  @Test
  void payPalSendsTheBrowserBackToThisApisAddressAsApiGatewayGaveIt() {
    String approvalUrl = json(flow.link(session)).path("approvalUrl").asText();

    String back = flow.atPayPal(approvalUrl, true, true);

    // the sample event's requestContext: the API's own domain and its stage
    assertThat(back)
        .startsWith(
            "https://abcdef1234.execute-api.us-east-1.amazonaws.com/v1/v1/paypal/return?state=");
  }

  @Test
  void aConfiguredReturnUrlIsTheOnePayPalSendsTheBrowserTo() {
    PayPalApi configured =
        TestHandlers.payPalApi(t.lifecycle, URI.create("https://api.example.com/v1/paypal/return"));
    APIGatewayProxyResponseEvent response =
        configured.handle(
            Events.api("PayPalApiFunction-post-paypal.json")
                .withHeaders(
                    new HashMap<>(
                        Map.of(
                            "Authorization",
                            "Bearer " + session,
                            "Origin",
                            TestLifecycle.FRONTEND)))
                .withBody(
                    "{\"returnUrl\": \""
                        + RETURN_URL
                        + "\", \"cancelUrl\": \""
                        + CANCEL_URL
                        + "\"}"),
            null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    assertThat(flow.atPayPal(json(response).path("approvalUrl").asText(), true, true))
        .startsWith("https://api.example.com/v1/paypal/return?state=");
  }

  @Test
  void withoutASessionLinkingIs401AndPayPalIsNotAsked() {
    APIGatewayProxyResponseEvent response = flow.link(null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(json(response).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void anAccountWhosePhoneIsNotProvenIsSentToProveItFirst() {
    String emailOnly = flow.signUpEmailOnly("dee@example.com");

    APIGatewayProxyResponseEvent response = flow.link(emailOnly);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("code").asText()).isEqualTo("CONTACT_VERIFICATION_REQUIRED");
    assertThat(body.path("missing")).extracting(JsonNode::asText).containsExactly("PHONE");
    assertThat(flow.account(emailOnly).path("paymentMethods")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(document.cookie)",
        "//evil.example/steal",
        "https://console.example.com@evil.example/billing",
        "https://user:pass@console.example.com/billing",
        "https://evil.example/billing",
        "http://console.example.com/billing",
        "https://console.example.com:8443/billing",
        "https://console.example.com.evil.example/billing",
        "/billing/paypal"
      })
  void aReturnOrCancelUrlOffTheFrontendIsRefusedAndNothingIsCreated(String url) {
    APIGatewayProxyResponseEvent badReturn = flow.link(session, url, CANCEL_URL);
    APIGatewayProxyResponseEvent badCancel = flow.link(session, RETURN_URL, url);

    for (var pair : List.of(Map.entry(badReturn, "returnUrl"), Map.entry(badCancel, "cancelUrl"))) {
      APIGatewayProxyResponseEvent response = pair.getKey();
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
      JsonNode body = json(response);
      assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo(pair.getValue());
      assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("URL_NOT_ALLOWED");
    }
    assertThat(methods()).isEmpty();
  }

  @Test
  void linkingAgainWhileALinkIsActiveIs409() {
    flow.linked(session);

    APIGatewayProxyResponseEvent again = flow.link(session);

    assertThat(again.getStatusCode()).isEqualTo(409);
    assertThat(json(again).path("code").asText()).isEqualTo("PAYPAL_ALREADY_LINKED");
    assertThat(methods()).hasSize(1);
  }

  @Test
  void aVerifiedPayerIsSentBackToTheReturnUrlWithTheActiveMethod() {
    JsonNode started = json(flow.link(session));
    String id = started.path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent back =
        flow.returnTo(flow.atPayPal(started.path("approvalUrl").asText(), true, true));

    assertThat(back.getStatusCode()).isEqualTo(303);
    assertThat(back.getHeaders())
        .containsEntry("Location", RETURN_URL + "?paymentMethodId=" + id + "&status=ACTIVE")
        .containsEntry("Referrer-Policy", "no-referrer");
    assertThat(back.getBody()).isNull();
    JsonNode account = flow.account(session);
    assertThat(flow.method(session, id).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(flow.method(session, id).path("payerEmail").asText())
        .isEqualTo("payer@paypal.example");
    assertThat(account.path("capabilities").path("prepaid").asBoolean()).isTrue();
    assertThat(account.path("capabilities").path("payAsYouGo").asBoolean()).isFalse();
  }

  @Test
  void aReturnWithTheSetupTokenAsPayPalsVaultNamesItCompletesTheLinkToo() {
    JsonNode started = json(flow.link(session));
    String id = started.path("paymentMethodId").asText();
    String back = flow.atPayPal(started.path("approvalUrl").asText(), true, true);
    String setupToken = PayPalFlow.query(back, "token");
    String state = PayPalFlow.query(back, "state");

    APIGatewayProxyResponseEvent answer =
        flow.returnWith(
            Map.of(
                "state", state,
                "approval_token_id", setupToken,
                "approval_session_id", "5WH51234XY567890Z"));

    assertThat(answer.getStatusCode()).isEqualTo(303);
    assertThat(answer.getHeaders())
        .containsEntry("Location", RETURN_URL + "?paymentMethodId=" + id + "&status=ACTIVE");
  }

  @Test
  void anUnverifiedPayerIsSentBackWithTheFailureAndPayPalKeepsNoAgreement() {
    JsonNode started = json(flow.link(session));
    String id = started.path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent back =
        flow.returnTo(flow.atPayPal(started.path("approvalUrl").asText(), true, false));

    assertThat(back.getStatusCode()).isEqualTo(303);
    assertThat(back.getHeaders().get("Location"))
        .isEqualTo(
            RETURN_URL
                + "?paymentMethodId="
                + id
                + "&status=FAILED&code=PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(flow.method(session, id).path("failureCode").asText())
        .isEqualTo("PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(t.paypal.paymentTokenCount()).isZero();
    assertThat(flow.account(session).path("capabilities").path("prepaid").asBoolean()).isFalse();
  }

  @Test
  void aCancelAtPayPalGoesToTheCancelUrlAndEndsTheAttempt() {
    JsonNode started = json(flow.link(session));
    String id = started.path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent back =
        flow.returnTo(flow.atPayPal(started.path("approvalUrl").asText(), false, false));

    assertThat(back.getStatusCode()).isEqualTo(303);
    assertThat(back.getHeaders().get("Location"))
        .isEqualTo(CANCEL_URL + "?paymentMethodId=" + id + "&status=CANCELLED");
    assertThat(t.table.paymentMethods().find(flow.accountId(session), id).orElseThrow().status())
        .hasToString("CANCELLED");
  }

  @Test
  void aReplayedReturnIsInvalidStateAndNeitherItsBodyNorTheLogsQuoteTheStateOrToken() {
    JsonNode started = json(flow.link(session));
    String url = flow.atPayPal(started.path("approvalUrl").asText(), true, true);
    flow.returnTo(url);
    AtomicReference<APIGatewayProxyResponseEvent> replay = new AtomicReference<>();

    String logs = CapturedLogs.of(() -> replay.set(flow.returnTo(url)));

    assertInvalidState(replay.get());
    for (String secret : List.of(query(url, "state"), query(url, "token"))) {
      assertThat(replay.get().getBody()).doesNotContain(secret);
      assertThat(logs).doesNotContain(secret);
    }
    assertThat(
            flow.method(session, started.path("paymentMethodId").asText()).path("status").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void aForgedStateIsInvalidStateAndChangesNothing() {
    JsonNode started = json(flow.link(session));
    String url = flow.atPayPal(started.path("approvalUrl").asText(), true, true);
    String forged = "A".repeat(43);
    AtomicReference<APIGatewayProxyResponseEvent> response = new AtomicReference<>();

    String logs =
        CapturedLogs.of(
            () ->
                response.set(
                    flow.returnWith(Map.of("token", query(url, "token"), "state", forged))));

    assertInvalidState(response.get());
    assertThat(logs).doesNotContain(forged).doesNotContain(query(url, "token"));
    assertThat(flow.returnWith(Map.of("state", query(url, "state"))).getStatusCode())
        .isEqualTo(400);
    assertThat(flow.returnWith(Map.of()).getStatusCode()).isEqualTo(400);
    // the real return still works: the forgeries used nothing up
    assertThat(flow.returnTo(url).getHeaders().get("Location")).endsWith("&status=ACTIVE");
  }

  @Test
  void aReturnAfterTheApprovalWindowIsInvalidState() {
    JsonNode started = json(flow.link(session));
    String url = flow.atPayPal(started.path("approvalUrl").asText(), true, true);
    t.clock.advanceBy(Duration.ofHours(3).plusMinutes(1));

    APIGatewayProxyResponseEvent late = flow.returnTo(url);

    assertInvalidState(late);
    assertThat(
            flow.method(session, started.path("paymentMethodId").asText()).path("status").asText())
        .isNotEqualTo("ACTIVE");
  }

  @Test
  void aTokenOfAnotherAttemptOrAccountIsInvalidState() {
    String other = flow.signUp("bob@example.com");
    JsonNode mine = json(flow.link(session));
    JsonNode theirs = json(flow.link(other));
    String myUrl = flow.atPayPal(mine.path("approvalUrl").asText(), true, true);
    String theirUrl = flow.atPayPal(theirs.path("approvalUrl").asText(), true, true);

    APIGatewayProxyResponseEvent swapped =
        flow.returnWith(Map.of("token", query(theirUrl, "token"), "state", query(myUrl, "state")));

    assertInvalidState(swapped);
    assertThat(swapped.getBody())
        .doesNotContain(query(theirUrl, "token"))
        .doesNotContain(query(myUrl, "state"));
    assertThat(flow.method(session, mine.path("paymentMethodId").asText()).path("status").asText())
        .isEqualTo("PENDING_APPROVAL");
    assertThat(flow.method(other, theirs.path("paymentMethodId").asText()).path("status").asText())
        .isEqualTo("PENDING_APPROVAL");
  }

  @Test
  void payPalDownDuringTheReturnSendsThePayerBackPendingWithoutAnError() {
    JsonNode started = json(flow.link(session));
    String id = started.path("paymentMethodId").asText();
    String url = flow.atPayPal(started.path("approvalUrl").asText(), true, true);
    t.paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);

    APIGatewayProxyResponseEvent back = flow.returnTo(url);

    assertThat(back.getStatusCode()).isEqualTo(303);
    assertThat(back.getHeaders().get("Location"))
        .isEqualTo(RETURN_URL + "?paymentMethodId=" + id + "&status=PENDING_APPROVAL");
    assertThat(t.workflows.payPalLinkings).hasSize(1);
    assertThat(flow.method(session, id).path("status").asText()).isEqualTo("PENDING_APPROVAL");
  }

  @Test
  void aCardCanBeAddedBesideAnActivePayPalAndOnceVerifiedOpensPayAsYouGo() {
    flow.linked(session);
    // the account is Australian: the card must be too
    String cardToken = t.cards.tokenize("4000000360000006", 12, 2030, "123", "Ana Silva");

    APIGatewayProxyResponseEvent added =
        flow.paymentMethodsApi.handle(
            Events.api("PaymentMethodsApiFunction-post-cards.json")
                .withHeaders(
                    new HashMap<>(
                        Map.of(
                            "Authorization",
                            "Bearer " + session,
                            "Origin",
                            TestLifecycle.FRONTEND,
                            "Content-Type",
                            "application/json")))
                .withBody("{\"token\": \"" + cardToken + "\"}"),
            null);

    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(202);
    String cardId = json(added).path("paymentMethodId").asText();
    assertThat(flow.account(session).path("capabilities").path("payAsYouGo").asBoolean()).isFalse();
    List<SandboxCardProcessor.Transaction> lines = t.cards.statement("0006");
    Matcher m = Pattern.compile("INTL([0-9]{6})\\*.*").matcher(lines.get(1).description());
    assertThat(m.matches()).isTrue();
    APIGatewayProxyResponseEvent verified =
        flow.paymentMethodsApi.handle(
            Events.api("AccountApiFunction-get-account.json")
                .withHttpMethod("POST")
                .withResource("/v1/account/payment-methods/{paymentMethodId}/verify")
                .withPath("/v1/account/payment-methods/" + cardId + "/verify")
                .withPathParameters(Map.of("paymentMethodId", cardId))
                .withHeaders(new HashMap<>(Map.of("Authorization", "Bearer " + session)))
                .withBody("{\"code\": \"" + m.group(1) + "\"}"),
            null);
    assertThat(verified.getStatusCode()).as(verified.getBody()).isEqualTo(200);
    JsonNode account = flow.account(session);
    assertThat(account.path("paymentMethods")).hasSize(2);
    assertThat(account.path("capabilities").path("prepaid").asBoolean()).isTrue();
    assertThat(account.path("capabilities").path("payAsYouGo").asBoolean()).isTrue();
  }

  @Test
  void removingThePayPalMethodDeletesItsAgreementAtPayPal() {
    String id = flow.linked(session);
    String paymentToken = flow.paymentToken(session, id);
    assertThat(t.paypal.holds(paymentToken)).isTrue();

    APIGatewayProxyResponseEvent removed = flow.remove(session, id);

    assertThat(removed.getStatusCode()).isEqualTo(204);
    assertThat(t.paypal.holds(paymentToken)).isFalse();
    assertThat(methods()).isEmpty();
    assertThat(flow.account(session).path("capabilities").path("prepaid").asBoolean()).isFalse();
  }

  @Test
  void removingWhilePayPalIsDownIs503AndTheMethodStays() {
    String id = flow.linked(session);
    String paymentToken = flow.paymentToken(session, id);
    t.paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);

    APIGatewayProxyResponseEvent removed = flow.remove(session, id);

    assertThat(removed.getStatusCode()).isEqualTo(503);
    assertThat(removed.getHeaders()).containsKey("Retry-After");
    assertThat(t.paypal.holds(paymentToken)).isTrue();
    assertThat(flow.method(session, id).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(flow.remove(session, id).getStatusCode()).isEqualTo(204);
  }
}
