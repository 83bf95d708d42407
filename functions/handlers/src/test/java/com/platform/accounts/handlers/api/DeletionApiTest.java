package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deletion routes over the Lambda event path, as API Gateway calls them. */
class DeletionApiTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final DeletionApi api = TestHandlers.deletionApi(t.lifecycle);
  private final AccountApi accountApi = TestHandlers.accountApi(t.lifecycle);
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

  private static APIGatewayProxyRequestEvent event(String file, String bearer, String body) {
    APIGatewayProxyRequestEvent event = Events.api(file);
    event.getHeaders().put("Authorization", "Bearer " + bearer);
    event.getHeaders().put("Idempotency-Key", UUID.randomUUID().toString());
    if (body != null) {
      event.setBody(body);
    }
    return event;
  }

  private APIGatewayProxyResponseEvent check(String bearer) {
    return api.handle(event("DeletionApiFunction-get-deletion-check.json", bearer, null), null);
  }

  private APIGatewayProxyResponseEvent delete(String bearer, String body) {
    return api.handle(event("DeletionApiFunction-post-deletion.json", bearer, body), null);
  }

  private APIGatewayProxyResponseEvent status(String bearer) {
    return api.handle(event("DeletionApiFunction-get-deletion.json", bearer, null), null);
  }

  private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private static String request(boolean disclaimer, String password) {
    return "{\"disclaimerAccepted\": " + disclaimer + ", \"password\": \"" + password + "\"}";
  }

  private void subscription(boolean autoRenew) {
    t.table
        .ledger()
        .record(
            new LedgerEvent(
                "ev-sub-" + autoRenew,
                accountId,
                LedgerEventType.RESOURCE_PROVISIONED,
                "ecs-123",
                Billing.PREPAID,
                autoRenew,
                t.clock.instant().plus(Duration.ofDays(10)),
                null,
                t.clock.instant()));
  }

  @Test
  void theCheckListsEveryBlockerWithWhatToDo() throws Exception {
    subscription(true);

    APIGatewayProxyResponseEvent response = check(token);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.path("deletable").asBoolean()).isFalse();
    JsonNode blocker = body.path("blockers").get(0);
    assertThat(blocker.path("code").asText()).isEqualTo("PREPAID_SUBSCRIPTION_ACTIVE");
    assertThat(blocker.path("resourceId").asText()).isEqualTo("ecs-123");
    assertThat(blocker.path("autoRenew").asBoolean()).isTrue();
    assertThat(blocker.path("endsAt").asText()).isEqualTo("2026-12-06T09:00:00Z");
  }

  @Test
  void aBlockedRequestIs409WithTheBlockers() throws Exception {
    subscription(false);

    APIGatewayProxyResponseEvent response = delete(token, request(true, PASSWORD));

    assertThat(response.getStatusCode()).isEqualTo(409);
    JsonNode body = body(response);
    assertThat(body.path("code").asText()).isEqualTo("DELETION_BLOCKED");
    assertThat(body.path("blockers").get(0).path("autoRenew").asBoolean()).isFalse();
  }

  @Test
  void withoutTheDisclaimerIs400NamingIt() throws Exception {
    APIGatewayProxyResponseEvent response = delete(token, request(false, PASSWORD));

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode body = body(response);
    assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("disclaimerAccepted");
  }

  @Test
  void aWrongPasswordIs403AndNeverEchoed() throws Exception {
    APIGatewayProxyResponseEvent response = delete(token, request(true, "guess-123456"));

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(body(response).path("code").asText()).isEqualTo("REAUTHENTICATION_FAILED");
    assertThat(response.getBody()).doesNotContain("guess-123456");
    assertThat(status(token).getStatusCode()).isEqualTo(404);
  }

  @Test
  void aDeletionIs202DeletedAndTheOldSessionIsRefusedOnEveryRoute() throws Exception {
    APIGatewayProxyResponseEvent response = delete(token, request(true, PASSWORD));

    assertThat(response.getStatusCode()).isEqualTo(202);
    JsonNode body = body(response);
    assertThat(body.path("deletionId").asText()).startsWith("del_");
    assertThat(body.path("status").asText()).isEqualTo("DELETED");
    assertThat(body.path("deletedAt").asText()).isEqualTo(t.clock.instant().toString());
    assertThat(body.path("finalChargesBy").isNull()).isTrue();
    assertThat(t.table.accounts().find(accountId).orElseThrow().status())
        .isEqualTo(AccountStatus.DELETED);

    assertThat(check(token).getStatusCode()).isEqualTo(401);
    assertThat(status(token).getStatusCode()).isEqualTo(401);
    assertThat(delete(token, request(true, PASSWORD)).getStatusCode()).isEqualTo(401);
    APIGatewayProxyRequestEvent account = Events.api("AccountApiFunction-get-account.json");
    account.getHeaders().put("Authorization", "Bearer " + token);
    assertThat(accountApi.handle(account, null).getStatusCode()).isEqualTo(401);
  }

  @Test
  void postpaidUseIsPendingFinalChargesAndItsStatusIsReadBack() throws Exception {
    t.table
        .ledger()
        .record(
            new LedgerEvent(
                "ev-oss",
                accountId,
                LedgerEventType.RESOURCE_PROVISIONED,
                "oss-9",
                Billing.POSTPAID,
                null,
                null,
                null,
                t.clock.instant()));
    t.table
        .ledger()
        .record(
            new LedgerEvent(
                "ev-oss-released",
                accountId,
                LedgerEventType.RESOURCE_RELEASED,
                "oss-9",
                Billing.POSTPAID,
                null,
                null,
                null,
                t.clock.instant()));

    JsonNode created = body(delete(token, request(true, PASSWORD)));
    APIGatewayProxyResponseEvent read = status(token);

    assertThat(created.path("status").asText()).isEqualTo("PENDING_FINAL_CHARGES");
    assertThat(created.path("finalChargesBy").asText())
        .isEqualTo(t.clock.instant().plus(Duration.ofHours(48)).toString());
    assertThat(created.path("deletedAt").isNull()).isTrue();
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(body(read)).isEqualTo(created);
  }
}
