package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentMethodsApiTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final PaymentMethodsApi api = TestHandlers.paymentMethodsApi(t.lifecycle);
  private final AccountApi accountApi = TestHandlers.accountApi(t.lifecycle);
  private String token;

  @BeforeEach
  void signUp() {
    token = signUp("ana@example.com");
  }

  /** A new account with both contacts proven, as adding a card needs: its session. */
  private String signUp(String email) {
    String session = signUpEmailOnly(email);
    t.provePhone(t.lifecycle.authenticator().authenticate(session).accountId());
    return session;
  }

  private String signUpEmailOnly(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).session().token();
  }

  private APIGatewayProxyRequestEvent request(
      String method,
      String resource,
      String path,
      Map<String, String> params,
      String body,
      String bearer) {
    APIGatewayProxyRequestEvent event =
        Events.api("AccountApiFunction-get-account.json")
            .withHttpMethod(method)
            .withResource(resource)
            .withPath(path)
            .withPathParameters(params)
            .withBody(body);
    event.getHeaders().put("Authorization", "Bearer " + bearer);
    return event;
  }

  private APIGatewayProxyResponseEvent addCard(String number, String bearer) {
    String cardToken = t.cards.tokenize(number, 12, 2030, "123", "Ana Silva");
    return api.handle(
        request(
            "POST",
            "/v1/account/payment-methods/cards",
            "/v1/account/payment-methods/cards",
            null,
            "{\"token\": \"" + cardToken + "\"}",
            bearer),
        null);
  }

  private APIGatewayProxyResponseEvent verify(String paymentMethodId, String body) {
    return api.handle(
        request(
            "POST",
            "/v1/account/payment-methods/{paymentMethodId}/verify",
            "/v1/account/payment-methods/" + paymentMethodId + "/verify",
            Map.of("paymentMethodId", paymentMethodId),
            body,
            token),
        null);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private String descriptorCode(String last4) {
    List<SandboxCardProcessor.Transaction> lines = t.cards.statement(last4);
    Matcher m = Pattern.compile("INTL([0-9]{6})\\*.*").matcher(lines.get(1).description());
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  @Test
  void addingACardAnswers202PendingWithFiveTries() throws Exception {
    APIGatewayProxyResponseEvent response = addCard("4242424242424242", token);

    assertThat(response.getStatusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertThat(body.path("paymentMethodId").asText()).startsWith("pm_");
    assertThat(body.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
    assertThat(body.path("verification").path("attemptsRemaining").asInt()).isEqualTo(5);
    assertThat(body.path("verification").path("expiresAt").asText()).endsWith("Z");
    assertThat(body.path("last4").asText()).isEqualTo("4242");
  }

  @Test
  void aVerifiedCardOpensBothCapabilities() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent verified =
        verify(id, "{\"code\": \"" + descriptorCode("4242") + "\"}");

    assertThat(verified.getStatusCode()).isEqualTo(200);
    assertThat(json(verified).path("status").asText()).isEqualTo("VERIFIED");
    JsonNode account =
        json(
            accountApi.handle(
                request("GET", "/v1/account", "/v1/account", null, null, token), null));
    assertThat(account.path("capabilities").path("payAsYouGo").asBoolean()).isTrue();
    assertThat(account.path("capabilities").path("prepaid").asBoolean()).isTrue();
    assertThat(account.path("paymentMethods").get(0).path("status").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void malformedProofsAreValidationErrorsThatCostNoTry() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();
    Map<String, String> cases = new HashMap<>();
    cases.put("{\"code\": \"12345\"}", "code");
    cases.put("{\"code\": 123456}", "code");
    cases.put("{\"amount\": {\"amount\": \"0.365\", \"currency\": \"USD\"}}", "amount.amount");
    cases.put("{\"amount\": {\"amount\": \"-0.36\", \"currency\": \"USD\"}}", "amount.amount");
    cases.put("{\"amount\": {\"amount\": 0.36, \"currency\": \"USD\"}}", "amount.amount");
    cases.put("{\"amount\": {\"amount\": \"0.36\", \"currency\": \"XYZ\"}}", "amount.currency");
    cases.put(
        "{\"localAmounts\": {\"currency\": \"QQQ\", \"hold\": \"1.35\","
            + " \"microcharge\": \"0.49\"}}",
        "localAmounts.currency");
    cases.put(
        "{\"localAmounts\": {\"currency\": \"AUD\", \"hold\": \"0\","
            + " \"microcharge\": \"0.49\"}}",
        "localAmounts.hold");
    cases.put("{}", "code");
    cases.put(
        "{\"code\": \"123456\", \"amount\": {\"amount\": \"0.36\", \"currency\": \"USD\"}}",
        "code");

    for (Map.Entry<String, String> c : cases.entrySet()) {
      APIGatewayProxyResponseEvent response = verify(id, c.getKey());
      assertThat(response.getStatusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode body = json(response);
      assertThat(body.path("code").asText()).as(c.getKey()).isEqualTo("VALIDATION_FAILED");
      assertThat(body.path("errors").get(0).path("field").asText())
          .as(c.getKey())
          .isEqualTo(c.getValue());
    }
    assertThat(
            json(verify(id, "{\"code\": \"" + descriptorCode("4242") + "\"}"))
                .path("status")
                .asText())
        .isEqualTo("VERIFIED");
  }

  @Test
  void aWrongAnswerTellsTheTriesLeft() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent response =
        verify(id, "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("VERIFICATION_FAILED");
    assertThat(json(response).path("attemptsRemaining").asInt()).isEqualTo(4);
  }

  @Test
  void anotherAccountsPaymentMethodIsNotFoundAndUntouched() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();
    String other = signUp("bo@example.com");

    APIGatewayProxyResponseEvent response =
        api.handle(
            request(
                "DELETE",
                "/v1/account/payment-methods/{paymentMethodId}",
                "/v1/account/payment-methods/" + id,
                Map.of("paymentMethodId", id),
                null,
                other),
            null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(
            t.lifecycle
                .accountPaymentMethods()
                .list(t.lifecycle.authenticator().authenticate(token).accountId()))
        .hasSize(1);
  }

  @Test
  void listingAndRemovingFreeTheCard() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();

    JsonNode list =
        json(
            api.handle(
                request(
                    "GET",
                    "/v1/account/payment-methods",
                    "/v1/account/payment-methods",
                    null,
                    null,
                    token),
                null));
    assertThat(list.path("paymentMethods").size()).isEqualTo(1);

    APIGatewayProxyResponseEvent removed =
        api.handle(
            request(
                "DELETE",
                "/v1/account/payment-methods/{paymentMethodId}",
                "/v1/account/payment-methods/" + id,
                Map.of("paymentMethodId", id),
                null,
                token),
            null);
    assertThat(removed.getStatusCode()).isEqualTo(204);
    assertThat(addCard("4242424242424242", signUp("cy@example.com")).getStatusCode())
        .isEqualTo(202);
  }

  @Test
  void refusalsAre422WithTheirCode() throws Exception {
    APIGatewayProxyResponseEvent china = addCard("4096660000000008", token);

    assertThat(china.getStatusCode()).isEqualTo(422);
    assertThat(json(china).path("code").asText()).isEqualTo("CARD_ISSUED_IN_MAINLAND_CHINA");
    assertThat(china.getBody()).doesNotContain("4096660000000008");
  }

  @Test
  void aRetryAfterTheProcessorLostAnAnswerNeverStandsASecondHold() throws Exception {
    String cardToken = t.cards.tokenize("4242424242424242", 12, 2030, "123", "Ana Silva");
    t.cards.failNext("authorizeHold", SandboxCardProcessor.Fault.LOST_RESPONSE_AFTER);
    APIGatewayProxyRequestEvent add =
        request(
            "POST",
            "/v1/account/payment-methods/cards",
            "/v1/account/payment-methods/cards",
            null,
            "{\"token\": \"" + cardToken + "\"}",
            token);
    add.getHeaders().put("Idempotency-Key", "add-card-1");

    APIGatewayProxyResponseEvent first = api.handle(add, null);
    APIGatewayProxyResponseEvent retry = api.handle(add, null);

    assertThat(first.getStatusCode()).isEqualTo(503);
    assertThat(json(first).path("code").asText()).isEqualTo("PROCESSOR_UNAVAILABLE");
    // the first request added a card with the token: a token works once
    assertThat(retry.getStatusCode()).isEqualTo(400);
    assertThat(json(retry).path("errors").get(0).path("code").asText())
        .isEqualTo("UNKNOWN_CARD_TOKEN");
    assertThat(t.cards.calls("authorizeHold")).isEqualTo(1);
    assertThat(t.cards.statement("4242"))
        .extracting(SandboxCardProcessor.Transaction::status)
        .containsExactly("VOIDED");
    assertThat(json(first).path("detail").asText()).contains("Enter the card again");
  }

  @Test
  void anOutageWhileTheChargesArePlacedAsksForTheCardAgainLaterWhichThenGoesThrough()
      throws Exception {
    t.cards.failNext("authorizeHold", SandboxCardProcessor.Fault.UNAVAILABLE_BEFORE);

    APIGatewayProxyResponseEvent outage = addCard("4242424242424242", token);

    assertThat(outage.getStatusCode()).isEqualTo(503);
    assertThat(json(outage).path("detail").asText())
        .contains("nothing stays charged")
        .contains("Enter the card again")
        .contains("30 minutes");
    t.clock.advanceBy(Duration.ofMinutes(30));
    TestHandlers.expireHoldsJob(t.lifecycle)
        .handleRequest(Events.task("ExpireHoldsFunction-schedule.json"), null);
    APIGatewayProxyResponseEvent again = addCard("4242424242424242", token);
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(202);
  }

  @Test
  void anAccountWhosePhoneIsNotProvenIsSentToProveItAndNothingIsCharged() throws Exception {
    String emailOnly = signUpEmailOnly("dee@example.com");

    APIGatewayProxyResponseEvent refused = addCard("4111111111111111", emailOnly);

    assertThat(refused.getStatusCode()).isEqualTo(403);
    assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode body = json(refused);
    assertThat(body.path("code").asText()).isEqualTo("CONTACT_VERIFICATION_REQUIRED");
    assertThat(body.path("missing"))
        .containsExactly(Json.MAPPER.getNodeFactory().textNode("PHONE"));
    assertThat(t.cards.statement("1111")).isEmpty();
    assertThat(
            t.lifecycle
                .accountPaymentMethods()
                .list(t.lifecycle.authenticator().authenticate(emailOnly).accountId()))
        .isEmpty();
  }

  @Test
  void theNameOnTheCardIsShownWithThePaymentMethod() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();

    JsonNode list =
        json(
            api.handle(
                request(
                    "GET",
                    "/v1/account/payment-methods",
                    "/v1/account/payment-methods",
                    null,
                    null,
                    token),
                null));
    JsonNode account =
        json(
            accountApi.handle(
                request("GET", "/v1/account", "/v1/account", null, null, token), null));

    assertThat(list.path("paymentMethods").get(0).path("paymentMethodId").asText()).isEqualTo(id);
    assertThat(list.path("paymentMethods").get(0).path("holderName").asText())
        .isEqualTo("Ana Silva");
    assertThat(account.path("paymentMethods").get(0).path("holderName").asText())
        .isEqualTo("Ana Silva");
  }

  @Test
  void swappedOrForeignLocalAmountsAreValidationErrorsThatCostNoTry() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();

    APIGatewayProxyResponseEvent swapped =
        verify(
            id,
            "{\"localAmounts\": {\"currency\": \"USD\", \"hold\": \"0.36\","
                + " \"microcharge\": \"1.00\"}}");
    APIGatewayProxyResponseEvent yen =
        verify(
            id,
            "{\"localAmounts\": {\"currency\": \"JPY\", \"hold\": \"150\","
                + " \"microcharge\": \"54\"}}");

    assertThat(swapped.getStatusCode()).isEqualTo(400);
    assertThat(json(swapped).path("errors").get(0).path("field").asText())
        .isEqualTo("localAmounts.microcharge");
    assertThat(json(swapped).path("errors").get(0).path("message").asText())
        .contains("The smaller charge is the microcharge");
    assertThat(yen.getStatusCode()).isEqualTo(400);
    assertThat(json(yen).path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(json(yen).path("errors").get(0).path("field").asText())
        .isEqualTo("localAmounts.currency");
    JsonNode list =
        json(
            api.handle(
                request(
                    "GET",
                    "/v1/account/payment-methods",
                    "/v1/account/payment-methods",
                    null,
                    null,
                    token),
                null));
    assertThat(
            list.path("paymentMethods")
                .get(0)
                .path("verification")
                .path("attemptsRemaining")
                .asInt())
        .isEqualTo(5);
  }

  @Test
  void theFifthWrongAnswerIsTheLock() throws Exception {
    String id = json(addCard("4242424242424242", token)).path("paymentMethodId").asText();
    String wrong = "{\"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}";
    for (int remaining = 4; remaining >= 1; remaining--) {
      assertThat(json(verify(id, wrong)).path("attemptsRemaining").asInt()).isEqualTo(remaining);
    }

    APIGatewayProxyResponseEvent fifth = verify(id, wrong);

    assertThat(fifth.getStatusCode()).isEqualTo(410);
    assertThat(json(fifth).path("code").asText()).isEqualTo("VERIFICATION_LOCKED");
    assertThat(json(fifth).has("attemptsRemaining")).isFalse();
  }

  @Test
  void aHugeOrMalformedPaymentMethodIdIsNotFound() throws Exception {
    String id = "pm_" + "x".repeat(3000);

    APIGatewayProxyResponseEvent response = verify(id, "{\"code\": \"123456\"}");

    assertThat(response.getStatusCode()).isEqualTo(404);
  }
}
