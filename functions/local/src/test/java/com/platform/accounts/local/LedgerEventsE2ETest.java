package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.ledger.DeletionBlocker;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.handlers.Json;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resource ledger over HTTP against the local runtime, as another service would report to it:
 * events posted unauthenticated to the internal route (IAM-authorized in AWS only), repeats and
 * arrivals out of order, and what the ledger then says keeps the account from being deleted.
 */
class LedgerEventsE2ETest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String PATH = "/internal/v1/ledger-events";
  private static final AtomicInteger EMAILS = new AtomicInteger();

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private static LocalRuntime runtime;
  private static LocalClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  /** A new account (its email proven): its id. */
  private static String accountId() {
    String email = "ledger" + EMAILS.incrementAndGet() + ".e2e@example.com";
    LocalClient.Answer started =
        client.post(
            "/v1/signups",
            null,
            Json.object()
                .put("country", "US")
                .put("email", email)
                .put("password", PASSWORD)
                .put("passwordConfirmation", PASSWORD)
                .put("termsAccepted", true));
    LocalClient.Answer verified =
        client.post(
            "/v1/signups/" + started.body().path("signupId").asText() + "/verify",
            null,
            Json.object().put("code", client.lastCode(email)));
    String session = verified.body().path("session").path("token").asText();
    return client.get("/v1/account", session).body().path("accountId").asText();
  }

  private static ObjectNode event(String eventId, String accountId, String type, String id) {
    return Json.object()
        .put("eventId", eventId)
        .put("accountId", accountId)
        .put("type", type)
        .put("resourceId", id);
  }

  private static LocalClient.Answer post(ObjectNode event) {
    return client.post(PATH, null, event);
  }

  private static Instant now() {
    return runtime.clock().instant();
  }

  @Test
  void eventsAreRecordedOnceAndTheLedgerEndsRightInAnyOrder() {
    String accountId = accountId();
    ObjectNode subscription =
        event("e-1", accountId, "RESOURCE_PROVISIONED", "ecs-123")
            .put("billing", "PREPAID")
            .put("autoRenew", true)
            .put("endsAt", "2027-01-26T09:00:00Z");

    LocalClient.Answer first = post(subscription);
    LocalClient.Answer again = post(subscription);
    // a payment before its charge, a release before its provisioning
    post(event("e-2", accountId, "CHARGE_PAID", "ch-1"));
    post(
        event("e-3", accountId, "CHARGE_ISSUED", "ch-1")
            .set("amount", Json.object().put("amount", "4.00").put("currency", "USD")));
    post(event("e-4", accountId, "RESOURCE_RELEASED", "oss-9"));
    post(event("e-5", accountId, "RESOURCE_PROVISIONED", "oss-9").put("billing", "POSTPAID"));
    post(
        event("e-6", accountId, "CHARGE_ISSUED", "ch-2")
            .set("amount", Json.object().put("amount", "12.40").put("currency", "USD")));

    assertThat(first.status()).as("%s", first).isEqualTo(202);
    assertThat(first.body().path("recorded").asBoolean()).isTrue();
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().path("recorded").asBoolean()).isFalse();
    assertThat(runtime.ledger().blockers(accountId, now()))
        .containsExactly(
            DeletionBlocker.prepaidSubscription(
                "ecs-123", true, Instant.parse("2027-01-26T09:00:00Z")),
            DeletionBlocker.outstandingBalance(Money.usd("12.40")));
  }

  @Test
  void anAutoRenewTurnedOffAndTheEndReachedLeaveNothingBlocking() {
    String accountId = accountId();
    Instant endsAt = now().plusSeconds(3600);
    post(
        event("s-1", accountId, "RESOURCE_PROVISIONED", "ecs-1")
            .put("billing", "PREPAID")
            .put("autoRenew", true)
            .put("endsAt", endsAt.toString()));
    post(event("s-2", accountId, "SUBSCRIPTION_UPDATED", "ecs-1").put("autoRenew", false));
    assertThat(runtime.ledger().blockers(accountId, now())).hasSize(1);

    client.advance("hours", 2);

    assertThat(runtime.ledger().blockers(accountId, now())).isEmpty();
  }

  @Test
  void badEventsAreClearClientErrorsAndRecordNothing() {
    String accountId = accountId();

    LocalClient.Answer unknownType = post(event("b-1", accountId, "RESOURCE_MELTED", "r-1"));
    LocalClient.Answer negative =
        post(
            event("b-2", accountId, "CHARGE_ISSUED", "ch-1")
                .set("amount", Json.object().put("amount", "-1.00").put("currency", "USD")));
    LocalClient.Answer unknownAccount =
        post(
            event("b-3", "acc_nobody", "CHARGE_ISSUED", "ch-1")
                .set("amount", Json.object().put("amount", "1.00").put("currency", "USD")));

    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.body().path("errors").findValuesAsText("field")).containsExactly("type");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().path("errors").findValuesAsText("field"))
        .containsExactly("amount.amount");
    assertThat(unknownAccount.status()).isEqualTo(422);
    assertThat(unknownAccount.body().path("code").asText()).isEqualTo("UNKNOWN_ACCOUNT");
    assertThat(runtime.ledger().ledger(accountId).charges()).isEmpty();
    assertThat(runtime.ledger().ledger("acc_nobody").charges()).isEmpty();
  }
}
