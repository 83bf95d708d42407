package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deleting an account over HTTP against the local runtime, as its owner and the platform's other
 * services would: the ledger reported on the internal route, the deletion check with its blockers,
 * the request, final charges issued and paid with the sandbox card, the clock moved on, and what
 * deleted means (the old session refused, the old password refused, the email free again).
 */
class DeletionE2ETest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final AtomicInteger PHONES = new AtomicInteger();
  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static final AtomicInteger CARDS = new AtomicInteger();

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

  private record Account(String email, String session, String accountId) {}

  private static String newEmail() {
    return "leaving" + EMAILS.incrementAndGet() + ".e2e@example.com";
  }

  private static Account signUp(String email) {
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
    String accountId = client.get("/v1/account", session).body().path("accountId").asText();
    return new Account(email, session, accountId);
  }

  /** The second verification by SMS, which adding a card needs. */
  private static void provePhone(Account account) {
    String phone = TestLifecycle.mobileNumber("US", 500 + PHONES.incrementAndGet());
    LocalClient.Answer started =
        client.post(
            "/v1/account/verifications",
            account.session(),
            Json.object().put("channel", "SMS").put("phone", phone));
    client.post(
        "/v1/account/verifications/" + started.body().path("verificationId").asText() + "/verify",
        account.session(),
        Json.object().put("code", client.lastCode(phone)));
  }

  /** A fresh Luhn-valid test number starting 4111 11 (a US Visa that succeeds). */
  private static String freshCardNumber() {
    String body = String.format("4111119%08d", 40_000 + CARDS.incrementAndGet());
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return body + (10 - sum % 10) % 10;
  }

  private static List<JsonNode> statement(String last4) {
    List<JsonNode> lines = new ArrayList<>();
    client
        .get("/_local/statements?last4=" + last4, null)
        .body()
        .path("transactions")
        .forEach(lines::add);
    return lines;
  }

  /** A card added and proven with the code on its statement, as its owner would. */
  private static void verifiedCard(Account account, String number) {
    LocalClient.Answer token =
        client.post(
            "/_local/card-tokens",
            null,
            Json.object()
                .put("number", number)
                .put("expMonth", 12)
                .put("expYear", 2031)
                .put("cvc", "123")
                .put("holderName", "Test Holder"));
    LocalClient.Answer added =
        client.post(
            "/v1/account/payment-methods/cards",
            account.session(),
            Json.object().put("token", token.body().path("token").asText()));
    assertThat(added.status()).as("card added: %s", added).isEqualTo(202);
    String last4 = number.substring(12);
    String description =
        statement(last4).stream()
            .map(l -> l.path("description").asText())
            .filter(d -> d.matches("INTL[0-9]{6}\\*ACMECLOUD"))
            .reduce((a, b) -> b)
            .orElseThrow();
    String code = description.substring(4, 10);
    LOGS.watch("descriptor code", code);
    LocalClient.Answer verified =
        client.post(
            "/v1/account/payment-methods/"
                + added.body().path("paymentMethodId").asText()
                + "/verify",
            account.session(),
            Json.object().put("code", code));
    assertThat(verified.status()).as("card verified: %s", verified).isEqualTo(200);
  }

  private static LocalClient.Answer ledger(
      Account account, String type, String id, ObjectNode more) {
    ObjectNode event =
        Json.object()
            .put("eventId", "del-e2e-" + EVENTS.incrementAndGet())
            .put("accountId", account.accountId())
            .put("type", type)
            .put("resourceId", id);
    event.setAll(more);
    LocalClient.Answer answer = client.post("/internal/v1/ledger-events", null, event);
    assertThat(answer.status()).as("ledger event: %s", answer).isEqualTo(202);
    return answer;
  }

  private static ObjectNode usd(String amount) {
    return Json.object().set("amount", Json.object().put("amount", amount).put("currency", "USD"));
  }

  /** A post-paid resource used and released this month. */
  private static void usedPostpaid(Account account, String resourceId) {
    ledger(account, "RESOURCE_PROVISIONED", resourceId, Json.object().put("billing", "POSTPAID"));
    ledger(account, "RESOURCE_RELEASED", resourceId, Json.object());
  }

  private static LocalClient.Answer check(Account account) {
    return client.get("/v1/account/deletion-check", account.session());
  }

  private static LocalClient.Answer delete(Account account) {
    ObjectNode body = Json.object().put("disclaimerAccepted", true).put("password", PASSWORD);
    return client.post("/v1/account/deletion", account.session(), body);
  }

  private static LocalClient.Answer signIn(String email) {
    return client.post(
        "/v1/sessions", null, Json.object().put("email", email).put("password", PASSWORD));
  }

  private static JsonNode lastMessage(String to) {
    JsonNode messages = client.get("/_local/outbox?to=" + to, null).body().path("messages");
    return messages.get(messages.size() - 1);
  }

  private static Instant now() {
    return runtime.clock().instant();
  }

  @Test
  void aRunningSubscriptionBlocksUntilItEndsThenTheAccountIsDeletedAndItsEmailFree() {
    String email = newEmail();
    Account account = signUp(email);
    Instant endsAt = now().plusSeconds(2 * 3600);
    ledger(
        account,
        "RESOURCE_PROVISIONED",
        "ecs-123",
        Json.object()
            .put("billing", "PREPAID")
            .put("autoRenew", true)
            .put("endsAt", endsAt.toString()));

    LocalClient.Answer blockedCheck = check(account);
    LocalClient.Answer blocked = delete(account);

    assertThat(blockedCheck.status()).isEqualTo(200);
    assertThat(blockedCheck.body().path("deletable").asBoolean()).isFalse();
    JsonNode blocker = blockedCheck.body().path("blockers").get(0);
    assertThat(blocker.path("code").asText()).isEqualTo("PREPAID_SUBSCRIPTION_ACTIVE");
    assertThat(blocker.path("resourceId").asText()).isEqualTo("ecs-123");
    assertThat(blocker.path("autoRenew").asBoolean()).isTrue();
    assertThat(blocker.path("endsAt").asText()).isEqualTo(endsAt.toString());
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.code()).isEqualTo("DELETION_BLOCKED");
    assertThat(blocked.body().path("blockers").get(0).path("resourceId").asText())
        .isEqualTo("ecs-123");

    client.advance("minutes", 1);
    ledger(account, "SUBSCRIPTION_UPDATED", "ecs-123", Json.object().put("autoRenew", false));
    assertThat(check(account).body().path("deletable").asBoolean()).isFalse();
    client.advance("hours", 2);
    assertThat(check(account).body().path("deletable").asBoolean()).isTrue();

    LocalClient.Answer deleted = delete(account);

    assertThat(deleted.status()).as("%s", deleted).isEqualTo(202);
    assertThat(deleted.body().path("status").asText()).isEqualTo("DELETED");
    assertThat(deleted.body().path("deletedAt").asText()).isNotEmpty();
    assertThat(client.get("/v1/account", account.session()).status()).isEqualTo(401);
    assertThat(check(account).status()).isEqualTo(401);
    assertThat(client.get("/v1/account/deletion", account.session()).status()).isEqualTo(401);
    assertThat(client.get("/v1/account/payment-methods", account.session()).status())
        .isEqualTo(401);
    assertThat(signIn(email).status()).isEqualTo(401);
    assertThat(lastMessage(email).path("subject").asText()).isEqualTo("Your account is deleted");

    Account again = signUp(email);

    assertThat(again.accountId()).isNotEqualTo(account.accountId());
    assertThat(signIn(email).status()).isEqualTo(201);
  }

  @Test
  void anActivePostpaidResourceBlocksUntilReleased() {
    Account account = signUp(newEmail());
    ledger(account, "RESOURCE_PROVISIONED", "oss-9", Json.object().put("billing", "POSTPAID"));

    LocalClient.Answer blocked = delete(account);

    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.body().path("blockers").get(0).path("code").asText())
        .isEqualTo("POSTPAID_RESOURCE_ACTIVE");
    ledger(account, "RESOURCE_RELEASED", "oss-9", Json.object());
    assertThat(check(account).body().path("deletable").asBoolean()).isTrue();
  }

  @Test
  void finalChargesIssuedArePaidWithTheSandboxCardAndTheAccountDeleted() {
    Account account = signUp(newEmail());
    provePhone(account);
    String number = freshCardNumber();
    verifiedCard(account, number);
    usedPostpaid(account, "oss-1");

    LocalClient.Answer pending = delete(account);

    assertThat(pending.status()).as("%s", pending).isEqualTo(202);
    assertThat(pending.body().path("status").asText()).isEqualTo("PENDING_FINAL_CHARGES");
    assertThat(Instant.parse(pending.body().path("finalChargesBy").asText()))
        .isEqualTo(now().plusSeconds(48 * 3600));
    assertThat(client.get("/v1/account", account.session()).status()).isEqualTo(200);

    ledger(account, "CHARGE_ISSUED", "ch-final-1", usd("8.75"));

    assertThat(statement(number.substring(12)))
        .filteredOn(l -> l.path("status").asText().equals("CAPTURED"))
        .filteredOn(l -> l.path("amount").path("amount").asText().equals("8.75"))
        .hasSize(1);
    assertThat(client.get("/v1/account", account.session()).status()).isEqualTo(401);
    assertThat(runtime.ledger().ledger(account.accountId()).outstandingCharges()).isEmpty();
  }

  @Test
  void movingTheClock48HoursFinishesAPendingDeletion() {
    Account account = signUp(newEmail());
    usedPostpaid(account, "oss-2");
    LocalClient.Answer pending = delete(account);
    assertThat(pending.body().path("status").asText()).isEqualTo("PENDING_FINAL_CHARGES");

    client.advance("hours", 47);
    // the first session has expired by now; the account is still open, so its owner signs in
    LocalClient.Answer signedIn = signIn(account.email());
    assertThat(signedIn.status()).isEqualTo(201);
    String session = signedIn.body().path("token").asText();
    assertThat(client.get("/v1/account/deletion", session).body().path("status").asText())
        .isEqualTo("PENDING_FINAL_CHARGES");
    client.advance("hours", 1);

    assertThat(client.get("/v1/account", session).status()).isEqualTo(401);
    assertThat(signIn(account.email()).status()).isEqualTo(401);
  }

  @Test
  void aDeclinedFinalChargeKeepsTheAccountPendingPaymentAndTellsTheOwner() {
    Account account = signUp(newEmail());
    provePhone(account);
    verifiedCard(account, "4000000000000341");
    usedPostpaid(account, "oss-3");
    delete(account);

    ledger(account, "CHARGE_ISSUED", "ch-final-2", usd("2.50"));

    JsonNode deletion = client.get("/v1/account/deletion", account.session()).body();
    assertThat(deletion.path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(lastMessage(account.email()).path("subject").asText())
        .isEqualTo("Your account's final charges could not be paid");
  }
}
