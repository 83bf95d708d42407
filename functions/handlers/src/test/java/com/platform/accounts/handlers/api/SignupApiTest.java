package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignupApiTest {
  private final TestLifecycle t = new TestLifecycle();
  private final SignupApi api = TestHandlers.signupApi(t.lifecycle);

  private static APIGatewayProxyRequestEvent signup(String body) {
    return Events.api("SignupApiFunction-post-signups.json").withBody(body);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  @Test
  void theSampleEventStartsASignup() throws Exception {
    APIGatewayProxyResponseEvent response =
        api.handle(Events.api("SignupApiFunction-post-signups.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.path("signupId").asText()).startsWith("sgn_");
    assertThat(body.path("channel").asText()).isEqualTo("EMAIL");
    assertThat(body.path("destination").asText()).isEqualTo("a***@example.com");
    assertThat(body.has("codeExpiresAt")).isTrue();
    assertThat(body.has("resendAvailableAt")).isTrue();
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
  }

  @Test
  void malformedJsonIsA400ThatEchoesNothing() throws Exception {
    APIGatewayProxyResponseEvent response =
        api.handle(signup("{\"password\": \"hunter2-secret\", "), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(json(response).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    assertThat(response.getBody()).doesNotContain("hunter2-secret");
    assertThat(t.outbox.all()).isEmpty();
  }

  @Test
  void wrongTypesAndBadValuesAreAllReportedTogether() throws Exception {
    APIGatewayProxyResponseEvent response =
        api.handle(
            signup(
                "{\"country\": 1, \"email\": \"nope\", \"password\": \"correct horse battery staple\","
                    + " \"passwordConfirmation\": \"correct horse battery staple\","
                    + " \"termsAccepted\": \"yes\", \"verificationChannel\": \"FAX\"}"),
            null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    Map<String, String> errors = new HashMap<>();
    body.path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("code").asText()));
    assertThat(errors)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "country",
                "INVALID_TYPE",
                "email",
                "INVALID_EMAIL",
                "termsAccepted",
                "INVALID_TYPE",
                "verificationChannel",
                "INVALID_CHANNEL"));
  }

  @Test
  void aBodyOverSixteenKibIsRefused() throws Exception {
    String big = "{\"email\": \"" + "a".repeat(17 * 1024) + "\"}";

    APIGatewayProxyResponseEvent response = api.handle(signup(big), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAnswerWithoutASecondSend() throws Exception {
    APIGatewayProxyRequestEvent first = Events.api("SignupApiFunction-post-signups.json");
    first.getHeaders().put("Idempotency-Key", "k-1");
    APIGatewayProxyRequestEvent retry = Events.api("SignupApiFunction-post-signups.json");
    retry.getHeaders().put("idempotency-key", "k-1");

    APIGatewayProxyResponseEvent a = api.handle(first, null);
    APIGatewayProxyResponseEvent b = api.handle(retry, null);

    assertThat(b.getStatusCode()).isEqualTo(a.getStatusCode()).isEqualTo(201);
    assertThat(b.getHeaders()).isEqualTo(a.getHeaders());
    assertThat(b.getBody()).isEqualTo(a.getBody());
    assertThat(t.outbox.to("ana@example.com")).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
    APIGatewayProxyRequestEvent first = Events.api("SignupApiFunction-post-signups.json");
    first.getHeaders().put("Idempotency-Key", "k-2");
    api.handle(first, null);
    APIGatewayProxyRequestEvent other = signup(first.getBody().replace("ana@", "bo@"));
    other.getHeaders().put("Idempotency-Key", "k-2");

    APIGatewayProxyResponseEvent response = api.handle(other, null);

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(json(response).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(t.outbox.to("bo@example.com")).isEmpty();
  }

  @Test
  void aWrongCodeTellsTheTriesLeft() throws Exception {
    String signupId =
        json(api.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    String right = t.lastCode("ana@example.com");
    String wrong = right.equals("000000") ? "111111" : "000000";

    APIGatewayProxyResponseEvent response = api.handle(verify(signupId, wrong), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("INVALID_CODE");
    assertThat(json(response).path("attemptsRemaining").asInt()).isEqualTo(4);
    assertThat(response.getBody()).doesNotContain(right);

    APIGatewayProxyResponseEvent ok = api.handle(verify(signupId, right), null);
    assertThat(ok.getStatusCode()).isEqualTo(201);
    assertThat(json(ok).path("session").path("token").asText()).isNotBlank();
  }

  @Test
  void aThrottledWorkflowStartAnswers503WithRetryAfterAndTheRetryCreatesTheAccount()
      throws Exception {
    String signupId =
        json(api.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    String code = t.lastCode("ana@example.com");
    t.workflows.refuseNextStarts(1);

    APIGatewayProxyResponseEvent refused = api.handle(verify(signupId, code), null);

    assertThat(refused.getStatusCode()).isEqualTo(503);
    assertThat(refused.getHeaders()).containsKey("Retry-After");
    assertThat(json(refused).path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    APIGatewayProxyResponseEvent retried = api.handle(verify(signupId, code), null);
    assertThat(retried.getStatusCode()).isEqualTo(201);
    assertThat(t.outbox.to("ana@example.com")).as("one code, sent once").hasSize(1);
    assertThat(t.workflows.started).containsExactly(signupId);
  }

  @Test
  void resendingTooSoonAnswers429WithRetryAfter() throws Exception {
    String signupId =
        json(api.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    APIGatewayProxyRequestEvent resend =
        signup(null)
            .withResource("/v1/signups/{signupId}/code")
            .withPath("/v1/signups/" + signupId + "/code")
            .withPathParameters(Map.of("signupId", signupId));

    APIGatewayProxyResponseEvent response = api.handle(resend, null);

    assertThat(response.getStatusCode()).isEqualTo(429);
    assertThat(json(response).path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(Integer.parseInt(response.getHeaders().get("Retry-After"))).isBetween(1, 60);
  }

  @Test
  void anUnknownRouteIsA404AndAWrongMethodA405() throws Exception {
    assertThat(api.handle(signup("{}").withResource("/v1/nothing"), null).getStatusCode())
        .isEqualTo(404);
    assertThat(api.handle(signup("{}").withHttpMethod("GET"), null).getStatusCode()).isEqualTo(405);
  }

  /** Starts and proves a sign-up by SMS that names the email; the verify answer. */
  private APIGatewayProxyResponseEvent smsSignup(String email, String phone) throws Exception {
    String body =
        "{\"country\": \"US\", \"email\": \""
            + email
            + "\", \"password\": \"correct horse battery staple\","
            + " \"passwordConfirmation\": \"correct horse battery staple\","
            + " \"termsAccepted\": true, \"verificationChannel\": \"SMS\", \"phone\": \""
            + phone
            + "\"}";
    String signupId = json(api.handle(signup(body), null)).path("signupId").asText();
    return api.handle(verify(signupId, t.lastCode(phone)), null);
  }

  @Test
  void verifyingAnSmsSignupAnswersAlikeWhetherOrNotItsEmailIsRegistered() throws Exception {
    String owner =
        json(api.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    api.handle(verify(owner, t.lastCode("ana@example.com")), null);
    int mails = t.outbox.to("ana@example.com").size();

    APIGatewayProxyResponseEvent registered = smsSignup("ana@example.com", "+12025550151");
    APIGatewayProxyResponseEvent unregistered = smsSignup("new@example.com", "+12025550152");

    for (APIGatewayProxyResponseEvent answer :
        new APIGatewayProxyResponseEvent[] {registered, unregistered}) {
      assertThat(answer.getStatusCode()).isEqualTo(201);
      assertThat(json(answer).fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("accountId", "session");
    }
    assertThat(t.outbox.to("ana@example.com"))
        .as("nothing to the registered mailbox")
        .hasSize(mails);
    assertThat(t.outbox.to("new@example.com")).as("nor to the new one").isEmpty();
  }

  @Test
  void verifyingAnSmsSignupPastTheCapOfOneNamerAnswersLikeTheNamersOwn() throws Exception {
    APIGatewayProxyResponseEvent namer = smsSignup("cap@example.com", "+12025550153");
    APIGatewayProxyResponseEvent late = smsSignup("cap@example.com", "+12025550154");

    for (APIGatewayProxyResponseEvent answer : new APIGatewayProxyResponseEvent[] {namer, late}) {
      assertThat(answer.getStatusCode()).isEqualTo(201);
      assertThat(json(answer).fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("accountId", "session");
    }
    assertThat(t.table.accounts().findClaim("cap@example.com").unproven())
        .containsExactly(json(namer).path("accountId").asText());
    assertThat(t.table.accounts().find(json(late).path("accountId").asText())).isPresent();
    assertThat(t.outbox.to("cap@example.com")).isEmpty();
  }

  private static APIGatewayProxyRequestEvent verify(String signupId, String code) {
    return signup("{\"code\": \"" + code + "\"}")
        .withResource("/v1/signups/{signupId}/verify")
        .withPath("/v1/signups/" + signupId + "/verify")
        .withPathParameters(Map.of("signupId", signupId));
  }
}
