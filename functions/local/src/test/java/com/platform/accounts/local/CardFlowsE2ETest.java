package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.handlers.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The card flows of API.md over HTTP against the local runtime, as a person would: tokenize a test
 * card, add it, read the statement, prove the card, let the clock run, read the statement again.
 */
class CardFlowsE2ETest {
  private static final String PASSWORD = "correct horse battery staple";
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

  private static String signUp(String country) {
    return signUp(country, "card" + EMAILS.incrementAndGet() + ".e2e@example.com");
  }

  private static String signUp(String country, String email) {
    LocalClient.Answer started =
        client.post(
            "/v1/signups",
            null,
            Json.object()
                .put("country", country)
                .put("email", email)
                .put("password", PASSWORD)
                .put("passwordConfirmation", PASSWORD)
                .put("termsAccepted", true));
    LocalClient.Answer verified =
        client.post(
            "/v1/signups/" + started.body().path("signupId").asText() + "/verify",
            null,
            Json.object().put("code", client.lastCode(email)));
    return verified.body().path("session").path("token").asText();
  }

  private static String cardToken(String number) {
    LocalClient.Answer answer =
        client.post(
            "/_local/card-tokens",
            null,
            Json.object()
                .put("number", number)
                .put("expMonth", 12)
                .put("expYear", 2031)
                .put("cvc", "123")
                .put("holderName", "Test Holder"));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().path("token").asText();
  }

  private static LocalClient.Answer addCard(String session, String number) {
    return client.post(
        "/v1/account/payment-methods/cards",
        session,
        Json.object().put("token", cardToken(number)));
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

  private static List<String> statuses(String last4) {
    return statement(last4).stream().map(l -> l.path("status").asText()).toList();
  }

  private static String code(String last4) {
    String description = statement(last4).get(1).path("description").asText();
    assertThat(description).matches("INTL[0-9]{6}\\*ACMECLOUD");
    LOGS.watch("descriptor code", description.substring(4, 10));
    return description.substring(4, 10);
  }

  @Test
  void aUsCardIsProvenByItsDescriptorCode() {
    String session = signUp("US");
    LocalClient.Answer added = addCard(session, "4242424242424242");
    assertThat(added.status()).isEqualTo(202);
    assertThat(statuses("4242")).endsWith("AUTHORIZED", "CAPTURED");

    LocalClient.Answer verified =
        client.post(
            "/v1/account/payment-methods/"
                + added.body().path("paymentMethodId").asText()
                + "/verify",
            session,
            Json.object().put("code", code("4242")));

    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("status").asText()).isEqualTo("VERIFIED");
    assertThat(statuses("4242")).endsWith("VOIDED", "REFUNDED");
    JsonNode account = client.get("/v1/account", session).body();
    assertThat(account.path("capabilities").path("payAsYouGo").asBoolean()).isTrue();
  }

  @Test
  void anAustralianCardIsProvenByItsTwoLocalAmountsAfterTheChargesWereReleased() {
    String email = "bruce.e2e@example.com";
    String session = signUp("AU", email);
    String id = addCard(session, "4000000360000006").body().path("paymentMethodId").asText();
    List<JsonNode> lines = statement("0006");
    assertThat(lines.get(0).path("amount").path("currency").asText()).isEqualTo("AUD");
    assertThat(lines.get(0).path("amount").path("amount").asText()).isEqualTo("1.35");

    client.advance("hours", 10);
    assertThat(statuses("0006")).containsExactly("AUTHORIZED", "CAPTURED");
    client.advance("hours", 14);
    assertThat(statuses("0006")).containsExactly("VOIDED", "REFUNDED");

    // sessions last 12 hours: a day later the person signs in again
    assertThat(client.get("/v1/account", session).status()).isEqualTo(401);
    String again =
        client
            .post("/v1/sessions", null, Json.object().put("email", email).put("password", PASSWORD))
            .body()
            .path("token")
            .asText();
    LocalClient.Answer verified =
        client.post(
            "/v1/account/payment-methods/" + id + "/verify",
            again,
            Json.object()
                .set(
                    "localAmounts",
                    Json.object()
                        .put("currency", "AUD")
                        .put("hold", lines.get(0).path("amount").path("amount").asText())
                        .put("microcharge", lines.get(1).path("amount").path("amount").asText())));
    assertThat(verified.body().path("status").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void eachRefusalHasItsCodeAndLeavesTheStatementEmpty() {
    String session = signUp("US");
    assertThat(addCard(session, "6250947000000014").code()).isEqualTo("CARD_COUNTRY_MISMATCH");
    assertThat(addCard(session, "4096660000000008").code())
        .isEqualTo("CARD_ISSUED_IN_MAINLAND_CHINA");
    assertThat(addCard(session, "4000056655665556").code()).isEqualTo("CARD_FUNDING_NOT_ACCEPTED");
    assertThat(addCard(session, "4000000000000002").code()).isEqualTo("CARD_DECLINED");
    assertThat(addCard(session, "4000000000000010").code())
        .as("any other Luhn-valid number")
        .isEqualTo("CARD_DECLINED");
    assertThat(statement("0014")).isEmpty();
    assertThat(statement("0008")).isEmpty();
    assertThat(statement("5556")).isEmpty();
    assertThat(
            client
                .post(
                    "/_local/card-tokens",
                    null,
                    Json.object()
                        .put("number", "4242424242424241")
                        .put("expMonth", 1)
                        .put("expYear", 2030)
                        .put("cvc", "1"))
                .status())
        .isEqualTo(400);
    assertThat(
            client.get("/v1/account/payment-methods", session).body().path("paymentMethods").size())
        .isZero();

    assertThat(addCard(signUp("HK"), "6250947000000014").status())
        .as("the same UnionPay card is fine for a Hong Kong account")
        .isEqualTo(202);
  }

  @Test
  void fiveWrongAmountsLockTheCardAndReleaseTheCharges() {
    String session = signUp("US");
    String id = addCard(session, "4111111111111228").body().path("paymentMethodId").asText();
    String path = "/v1/account/payment-methods/" + id + "/verify";
    for (int i = 0; i < 4; i++) {
      assertThat(
              client
                  .post(
                      path,
                      session,
                      Json.object()
                          .set(
                              "amount", Json.object().put("amount", "1.50").put("currency", "USD")))
                  .code())
          .isEqualTo("VERIFICATION_FAILED");
    }
    LocalClient.Answer locked =
        client.post(
            path,
            session,
            Json.object()
                .set("amount", Json.object().put("amount", "1.50").put("currency", "USD")));

    assertThat(locked.status()).isEqualTo(410);
    assertThat(locked.code()).isEqualTo("VERIFICATION_LOCKED");
    assertThat(statuses("1228")).containsExactly("VOIDED", "REFUNDED");
    assertThat(addCard(signUp("US"), "4111111111111228").status())
        .as("the card number is free again")
        .isEqualTo(202);
  }

  @Test
  void aCardNeverProvenFailsAfterSevenDaysWithNothingLeftOnTheStatement() {
    String session = signUp("US");
    String id = addCard(session, "4111111111111236").body().path("paymentMethodId").asText();

    client.advance("days", 8);

    assertThat(statuses("1236")).containsExactly("VOIDED", "REFUNDED");
    assertThat(
            runtime.workflows().engine().executions().stream()
                .filter(e -> e.name().equals(id))
                .findFirst()
                .orElseThrow()
                .visitedStates())
        .contains("ReleaseAfterFirstDay", "AwaitOwnerRestOfWeek", "ExpireVerification");
  }
}
