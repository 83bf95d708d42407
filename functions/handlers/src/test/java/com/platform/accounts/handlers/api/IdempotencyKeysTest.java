package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import com.platform.accounts.handlers.wiring.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key as API.md's conventions have it: authentication first, a kept answer only ever
 * replayed to its own account, and only final answers kept.
 */
class IdempotencyKeysTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final AccountVerificationsApi verificationsApi =
      TestHandlers.accountVerificationsApi(t.lifecycle);
  private final PaymentMethodsApi paymentMethodsApi = TestHandlers.paymentMethodsApi(t.lifecycle);
  private final SessionApi sessionApi = TestHandlers.sessionApi(t.lifecycle);
  private final SignupApi signupApi = TestHandlers.signupApi(t.lifecycle);

  private String signUp(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).session().token();
  }

  private static APIGatewayProxyRequestEvent post(
      String resource, String body, String bearer, String key) {
    APIGatewayProxyRequestEvent event =
        Events.api("AccountApiFunction-get-account.json")
            .withHttpMethod("POST")
            .withResource(resource)
            .withPath(resource)
            .withBody(body);
    if (bearer == null) {
      event.getHeaders().remove("Authorization");
    } else {
      event.getHeaders().put("Authorization", "Bearer " + bearer);
    }
    event.getHeaders().put("Idempotency-Key", key);
    return event;
  }

  private static APIGatewayProxyRequestEvent startVerification(
      String phone, String bearer, String key) {
    return post(
        "/v1/account/verifications",
        "{\"channel\": \"SMS\", \"phone\": \"" + phone + "\"}",
        bearer,
        key);
  }

  private static APIGatewayProxyRequestEvent addCard(String cardToken, String bearer, String key) {
    return post(
        "/v1/account/payment-methods/cards", "{\"token\": \"" + cardToken + "\"}", bearer, key);
  }

  private void signOut(String token) {
    APIGatewayProxyRequestEvent logout =
        Events.api("SessionApiFunction-post-sessions.json")
            .withHttpMethod("DELETE")
            .withResource("/v1/sessions/current")
            .withPath("/v1/sessions/current")
            .withBody(null);
    logout.getHeaders().put("Authorization", "Bearer " + token);
    assertThat(sessionApi.handle(logout, null).getStatusCode()).isEqualTo(204);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private static void assertUnauthenticated(APIGatewayProxyResponseEvent response)
      throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(json(response).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void aSignedOutSessionGetsA401NotTheAnswerKeptUnderItsKey() throws Exception {
    String token = signUp("ana@example.com");
    APIGatewayProxyResponseEvent first =
        verificationsApi.handle(startVerification("+12025550140", token, "k-1"), null);
    assertThat(first.getStatusCode()).isEqualTo(201);
    signOut(token);

    APIGatewayProxyResponseEvent replay =
        verificationsApi.handle(startVerification("+12025550140", token, "k-1"), null);

    assertUnauthenticated(replay);
    assertThat(replay.getBody()).doesNotContain(json(first).path("verificationId").asText());
  }

  @Test
  void aSignedOutSessionGetsA401ForACardAddedUnderItsKeyToo() throws Exception {
    String token = signUp("ana@example.com");
    t.provePhone(t.lifecycle.authenticator().authenticate(token).accountId());
    String cardToken = t.cards.tokenize("4242424242424242", 12, 2030, "123", "Ana Silva");
    APIGatewayProxyResponseEvent first =
        paymentMethodsApi.handle(addCard(cardToken, token, "k-1"), null);
    assertThat(first.getStatusCode()).isEqualTo(202);
    signOut(token);

    assertUnauthenticated(paymentMethodsApi.handle(addCard(cardToken, token, "k-1"), null));
  }

  @Test
  void withoutATokenAKeyIsAlwaysA401NeverAReusedKey() throws Exception {
    String token = signUp("ana@example.com");
    verificationsApi.handle(startVerification("+12025550140", token, "k-1"), null);

    assertUnauthenticated(
        verificationsApi.handle(startVerification("+12025550140", null, "k-1"), null));
    assertUnauthenticated(
        verificationsApi.handle(startVerification("+12025550141", null, "k-1"), null));
    assertUnauthenticated(
        verificationsApi.handle(startVerification("+12025550141", "x.y.z", "k-1"), null));
  }

  @Test
  void anotherAccountWithTheSameKeyAndBodyGetsItsOwnAnswer() throws Exception {
    String ana = signUp("ana@example.com");
    String bo = signUp("bo@example.com");
    APIGatewayProxyResponseEvent anas =
        verificationsApi.handle(startVerification("+12025550140", ana, "k-1"), null);

    APIGatewayProxyResponseEvent bos =
        verificationsApi.handle(startVerification("+12025550140", bo, "k-1"), null);

    assertThat(bos.getStatusCode()).isEqualTo(201);
    assertThat(json(bos).path("verificationId").asText())
        .isNotEqualTo(json(anas).path("verificationId").asText());
    assertThat(t.outbox.to("+12025550140")).hasSize(2);
  }

  @Test
  void theSameAccountSignedInAgainStillGetsItsAnswer() throws Exception {
    String first = signUp("ana@example.com");
    APIGatewayProxyResponseEvent answer =
        verificationsApi.handle(startVerification("+12025550140", first, "k-1"), null);
    String again = t.lifecycle.sessions().login("ana@example.com", PASSWORD).token();

    APIGatewayProxyResponseEvent retry =
        verificationsApi.handle(startVerification("+12025550140", again, "k-1"), null);

    assertThat(retry.getBody()).isEqualTo(answer.getBody());
    assertThat(t.outbox.to("+12025550140")).hasSize(1);
  }

  @Test
  void aRateLimitIsNotKeptSoTheSameKeyWorksOnceTheWaitIsOver() throws Exception {
    String signupId =
        json(signupApi.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    APIGatewayProxyRequestEvent resend =
        post("/v1/signups/{signupId}/code", null, null, "k-resend")
            .withPath("/v1/signups/" + signupId + "/code")
            .withPathParameters(Map.of("signupId", signupId));

    APIGatewayProxyResponseEvent tooSoon = signupApi.handle(resend, null);
    assertThat(tooSoon.getStatusCode()).isEqualTo(429);
    t.clock.advanceBy(Duration.ofSeconds(Long.parseLong(tooSoon.getHeaders().get("Retry-After"))));

    APIGatewayProxyResponseEvent later = signupApi.handle(resend, null);

    assertThat(later.getStatusCode()).isEqualTo(202);
    assertThat(t.outbox.to("ana@example.com")).hasSize(2);
  }

  @Test
  void aDependencyFailureIsNotKeptAndSaysTheSameKeyMayBeRetried() throws Exception {
    ApiHandler api =
        frame(
            () -> {
              throw new UncheckedIOException(new IOException("connection reset"));
            },
            () -> ApiResponse.of(201, Json.object().put("done", true)));

    APIGatewayProxyResponseEvent failed = api.handle(post("/v1/things", "{}", null, "k-1"), null);
    APIGatewayProxyResponseEvent retry = api.handle(post("/v1/things", "{}", null, "k-1"), null);

    assertThat(failed.getStatusCode()).isEqualTo(503);
    assertThat(json(failed).path("detail").asText()).contains("retry with the same key");
    assertThat(retry.getStatusCode()).isEqualTo(201);
  }

  @Test
  void aBusyRecordIsNotKeptSoTheSameKeyRunsAgain() throws Exception {
    ApiHandler api =
        frame(
            () -> {
              throw Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");
            },
            () -> ApiResponse.of(201, Json.object().put("done", true)));

    APIGatewayProxyResponseEvent busy = api.handle(post("/v1/things", "{}", null, "k-1"), null);
    APIGatewayProxyResponseEvent retry = api.handle(post("/v1/things", "{}", null, "k-1"), null);

    assertThat(busy.getStatusCode()).isEqualTo(409);
    assertThat(retry.getStatusCode()).isEqualTo(201);
  }

  @Test
  void aFinalRefusalIsKeptAndReplayed() throws Exception {
    ApiHandler api =
        frame(
            () -> {
              throw Problem.of(ErrorCode.CHANNEL_ALREADY_VERIFIED, "Already verified", "Done.");
            },
            () -> ApiResponse.of(201, Json.object().put("done", true)));

    api.handle(post("/v1/things", "{}", null, "k-1"), null);
    APIGatewayProxyResponseEvent retry = api.handle(post("/v1/things", "{}", null, "k-1"), null);

    assertThat(retry.getStatusCode()).isEqualTo(409);
    assertThat(json(retry).path("code").asText()).isEqualTo("CHANNEL_ALREADY_VERIFIED");
  }

  /** A frame with one POST route whose answers are given in turn. */
  @SafeVarargs
  private ApiHandler frame(Supplier<ApiResponse>... answers) {
    Deque<Supplier<ApiResponse>> next = new ArrayDeque<>(List.of(answers));
    return new ApiHandler(
        t.lifecycle.authenticator(),
        t.lifecycle.idempotency(),
        new Settings.Api(null, "AccountLifecycle")) {
      {
        route("POST", "/v1/things", request -> next.removeFirst().get());
      }
    };
  }
}
