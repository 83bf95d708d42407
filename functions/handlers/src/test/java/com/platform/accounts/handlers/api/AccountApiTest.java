package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountApiTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final AccountApi accountApi = TestHandlers.accountApi(t.lifecycle);
  private final SessionApi sessionApi = TestHandlers.sessionApi(t.lifecycle);
  private final AccountVerificationsApi verificationsApi =
      TestHandlers.accountVerificationsApi(t.lifecycle);
  private String token;
  private String accountId;

  @BeforeEach
  void signUp() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    var done = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com"));
    token = done.session().token();
    accountId = done.accountId();
  }

  private APIGatewayProxyRequestEvent getAccount(String bearer) {
    APIGatewayProxyRequestEvent event = Events.api("AccountApiFunction-get-account.json");
    if (bearer == null) {
      event.getHeaders().remove("Authorization");
    } else {
      event.getHeaders().put("Authorization", "Bearer " + bearer);
    }
    return event;
  }

  @Test
  void theAccountShowsItsVerifiedContactsAndNoCapabilitiesYet() throws Exception {
    APIGatewayProxyResponseEvent response = accountApi.handle(getAccount(token), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.getBody());
    assertThat(body.path("accountId").asText()).isEqualTo(accountId);
    assertThat(body.path("email").asText()).isEqualTo("ana@example.com");
    assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(body.path("verifiedContacts").path("email").asBoolean()).isTrue();
    assertThat(body.path("verifiedContacts").path("phone").asBoolean()).isFalse();
    assertThat(body.path("paymentMethods").isArray()).isTrue();
    assertThat(body.path("capabilities").path("payAsYouGo").asBoolean()).isFalse();
    assertThat(body.has("passwordHash")).isFalse();
  }

  @Test
  void anAccountMadeByAPhoneSignupShowsItsEmailUnproven() throws Exception {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand(
                    "US", "ana@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550161"),
                new Validation());
    String phoneToken =
        t.lifecycle
            .signups()
            .verify(sent.challengeId(), t.lastCode("+12025550161"))
            .session()
            .token();

    JsonNode body = Json.MAPPER.readTree(accountApi.handle(getAccount(phoneToken), null).getBody());

    assertThat(body.path("email").asText()).isEqualTo("ana@example.com");
    assertThat(body.path("verifiedContacts").path("email").asBoolean()).isFalse();
    assertThat(body.path("verifiedContacts").path("phone").asBoolean()).isTrue();
  }

  @Test
  void anAccountThatLostItsEmailToItsOwnerShowsNone() throws Exception {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand(
                    "US", "bo@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550162"),
                new Validation());
    var done = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("+12025550162"));
    Account named = t.table.accounts().find(done.accountId()).orElseThrow();
    t.table.accounts().updateReleasingEmail(named.withoutEmail(), "bo@example.com");

    JsonNode body =
        Json.MAPPER.readTree(accountApi.handle(getAccount(done.session().token()), null).getBody());

    assertThat(body.has("email")).isTrue();
    assertThat(body.path("email").isNull()).isTrue();
    assertThat(body.path("verifiedContacts").path("email").asBoolean()).isFalse();
  }

  @Test
  void noTokenOrAGarbageTokenIs401() throws Exception {
    assertThat(accountApi.handle(getAccount(null), null).getStatusCode()).isEqualTo(401);
    APIGatewayProxyResponseEvent garbage = accountApi.handle(getAccount("x.y.z"), null);
    assertThat(garbage.getStatusCode()).isEqualTo(401);
    assertThat(Json.MAPPER.readTree(garbage.getBody()).path("code").asText())
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void afterLogoutTheTokenIsRefused() {
    APIGatewayProxyRequestEvent logout =
        Events.api("SessionApiFunction-post-sessions.json")
            .withHttpMethod("DELETE")
            .withResource("/v1/sessions/current")
            .withPath("/v1/sessions/current")
            .withBody(null);
    logout.getHeaders().put("Authorization", "Bearer " + token);

    assertThat(sessionApi.handle(logout, null).getStatusCode()).isEqualTo(204);
    assertThat(accountApi.handle(getAccount(token), null).getStatusCode()).isEqualTo(401);
  }

  @Test
  void theSecondVerificationProvesThePhone() throws Exception {
    APIGatewayProxyRequestEvent start =
        getAccount(token)
            .withHttpMethod("POST")
            .withResource("/v1/account/verifications")
            .withPath("/v1/account/verifications")
            .withBody("{\"channel\": \"SMS\", \"phone\": \"+12025550123\"}");
    APIGatewayProxyResponseEvent started = verificationsApi.handle(start, null);
    assertThat(started.getStatusCode()).isEqualTo(201);
    String verificationId = Json.MAPPER.readTree(started.getBody()).path("verificationId").asText();

    APIGatewayProxyRequestEvent verify =
        getAccount(token)
            .withHttpMethod("POST")
            .withResource("/v1/account/verifications/{verificationId}/verify")
            .withPath("/v1/account/verifications/" + verificationId + "/verify")
            .withPathParameters(Map.of("verificationId", verificationId))
            .withBody("{\"code\": \"" + t.lastCode("+12025550123") + "\"}");
    APIGatewayProxyResponseEvent verified = verificationsApi.handle(verify, null);

    assertThat(verified.getStatusCode()).isEqualTo(200);
    assertThat(
            Json.MAPPER
                .readTree(verified.getBody())
                .path("verifiedContacts")
                .path("phone")
                .asBoolean())
        .isTrue();
  }

  @Test
  void theAccountFunctionServesOnlyTheAccountView() {
    APIGatewayProxyRequestEvent start =
        getAccount(token)
            .withHttpMethod("POST")
            .withResource("/v1/account/verifications")
            .withPath("/v1/account/verifications")
            .withBody("{\"channel\": \"SMS\", \"phone\": \"+12025550123\"}");

    assertThat(accountApi.handle(start, null).getStatusCode()).isEqualTo(404);
    assertThat(t.outbox.to("+12025550123")).isEmpty();
  }

  @Test
  void theAccountViewListsTheCardsAddedButNotTheRemovedOnes() throws Exception {
    Account account = t.lifecycle.authenticator().authenticate(token);
    CodeSent phone =
        t.lifecycle.verifications().start(account, "SMS", "+12025550123", new Validation());
    t.lifecycle.verifications().verify(account, phone.challengeId(), t.lastCode("+12025550123"));
    PaymentMethod card =
        t.lifecycle
            .chargePlacement()
            .add(
                t.lifecycle.authenticator().authenticate(token),
                t.cards.tokenize("4242424242424242", 12, 2030, "123", "Ana Silva"));

    JsonNode listed =
        Json.MAPPER
            .readTree(accountApi.handle(getAccount(token), null).getBody())
            .path("paymentMethods");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("paymentMethodId").asText()).isEqualTo(card.paymentMethodId());

    t.lifecycle
        .accountPaymentMethods()
        .remove(t.lifecycle.authenticator().authenticate(token), card.paymentMethodId());
    assertThat(
            Json.MAPPER
                .readTree(accountApi.handle(getAccount(token), null).getBody())
                .path("paymentMethods"))
        .isEmpty();
  }
}
