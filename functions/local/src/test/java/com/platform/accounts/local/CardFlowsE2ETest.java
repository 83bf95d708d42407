package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import java.math.BigDecimal;
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
  private static final AtomicInteger PHONES = new AtomicInteger();

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

  /** A new account with both contacts proven, as adding a card needs: its session. */
  private static String signUp(String country, String email) {
    String session = signUpEmailOnly(country, email);
    provePhone(session, country);
    return session;
  }

  /** The second verification, by SMS to a new number of the country, as the owner would. */
  private static void provePhone(String session, String country) {
    String phone = TestLifecycle.mobileNumber(country, PHONES.incrementAndGet());
    LocalClient.Answer started =
        client.post(
            "/v1/account/verifications",
            session,
            Json.object().put("channel", "SMS").put("phone", phone));
    assertThat(started.status()).as("second verification started: %s", started).isEqualTo(201);
    LocalClient.Answer proven =
        client.post(
            "/v1/account/verifications/"
                + started.body().path("verificationId").asText()
                + "/verify",
            session,
            Json.object().put("code", client.lastCode(phone)));
    assertThat(proven.status()).as("phone proven: %s", proven).isEqualTo(200);
  }

  private static String signUpEmailOnly(String country, String email) {
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
    return addToken(session, cardToken(number));
  }

  private static LocalClient.Answer addToken(String session, String cardToken) {
    return client.post(
        "/v1/account/payment-methods/cards", session, Json.object().put("token", cardToken));
  }

  private static LocalClient.Answer verifyCard(String session, String id, JsonNode answer) {
    return client.post(
        "/v1/account/payment-methods/" + id + "/verify", session, Json.write(answer));
  }

  private static JsonNode onlyPaymentMethod(String session) {
    JsonNode methods =
        client.get("/v1/account/payment-methods", session).body().path("paymentMethods");
    assertThat(methods).hasSize(1);
    return methods.get(0);
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
    // the expire-holds job did it: the card's execution ended once the owner was told
    assertThat(
            runtime.workflows().engine().executions().stream()
                .filter(e -> e.name().equals(id))
                .findFirst()
                .orElseThrow()
                .visitedStates())
        .containsExactly("PlaceCharges", "IsPending", "NotifyOwner", "Done");
  }

  @Test
  void anAccountWithOnlyItsEmailProvenIsSentToProveItsPhoneBeforeAnyCharge() {
    String session = signUpEmailOnly("US", "second.step.e2e@example.com");
    String token = cardToken("4111111111111301");

    LocalClient.Answer refused = addToken(session, token);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(refused.code()).isEqualTo("CONTACT_VERIFICATION_REQUIRED");
    assertThat(refused.body().path("missing").toString()).isEqualTo("[\"PHONE\"]");
    assertThat(statement("1301")).isEmpty();
    assertThat(client.get("/v1/account/payment-methods", session).body().path("paymentMethods"))
        .isEmpty();

    provePhone(session, "US");
    assertThat(addToken(session, token).status())
        .as("the refusal did not use the token up")
        .isEqualTo(202);
  }

  @Test
  void aCardTokenWorksOnceEvenAfterItsCardWasRemoved() {
    String ana = signUp("US");
    String token = cardToken("4111111111111319");
    String id = addToken(ana, token).body().path("paymentMethodId").asText();
    assertThat(client.delete("/v1/account/payment-methods/" + id, ana).status()).isEqualTo(204);

    for (String session : List.of(signUp("US"), ana)) {
      LocalClient.Answer again = addToken(session, token);

      assertThat(again.status()).isEqualTo(400);
      assertThat(again.code()).isEqualTo("VALIDATION_FAILED");
      assertThat(again.body().path("errors").get(0).path("field").asText()).isEqualTo("token");
      assertThat(again.body().path("errors").get(0).path("code").asText())
          .isEqualTo("UNKNOWN_CARD_TOKEN");
    }
    assertThat(statuses("1319")).containsExactly("VOIDED", "REFUNDED");
  }

  @Test
  void theCardTokenStepNeedsTheNameOnTheCardAndThePaymentMethodShowsIt() {
    ObjectNode card =
        Json.object()
            .put("number", "4111111111111327")
            .put("expMonth", 12)
            .put("expYear", 2031)
            .put("cvc", "123");
    LocalClient.Answer missing = client.post("/_local/card-tokens", null, card.deepCopy());
    LocalClient.Answer blank =
        client.post("/_local/card-tokens", null, card.deepCopy().put("holderName", "  "));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("holderName");
    assertThat(missing.body().path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().path("errors").get(0).path("field").asText()).isEqualTo("holderName");

    String session = signUp("US");
    LocalClient.Answer named =
        client.post("/_local/card-tokens", null, card.deepCopy().put("holderName", "Ana Silva"));
    assertThat(named.status()).isEqualTo(201);
    assertThat(addToken(session, named.body().path("token").asText()).status()).isEqualTo(202);
    assertThat(onlyPaymentMethod(session).path("holderName").asText()).isEqualTo("Ana Silva");
    assertThat(
            client
                .get("/v1/account", session)
                .body()
                .path("paymentMethods")
                .get(0)
                .path("holderName")
                .asText())
        .isEqualTo("Ana Silva");
  }

  @Test
  void localAmountsInAnotherCurrencyThanTheCardsOrSwappedCostNoTry() {
    String session = signUp("US");
    String id = addCard(session, "4111111111111335").body().path("paymentMethodId").asText();
    String microcharge = statement("1335").get(1).path("amount").path("amount").asText();
    // yen amounts whose ratio is the microcharge: what verified a USD card before
    long yen = new BigDecimal(microcharge).multiply(BigDecimal.valueOf(150)).longValue();

    LocalClient.Answer inYen =
        verifyCard(
            session,
            id,
            Json.object()
                .set(
                    "localAmounts",
                    Json.object()
                        .put("currency", "JPY")
                        .put("hold", "150")
                        .put("microcharge", Long.toString(yen))));
    LocalClient.Answer swapped =
        verifyCard(
            session,
            id,
            Json.object()
                .set(
                    "localAmounts",
                    Json.object()
                        .put("currency", "USD")
                        .put("hold", microcharge)
                        .put("microcharge", "1.00")));

    assertThat(inYen.status()).isEqualTo(400);
    assertThat(inYen.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(inYen.body().path("errors").get(0).path("field").asText())
        .isEqualTo("localAmounts.currency");
    assertThat(swapped.status()).isEqualTo(400);
    assertThat(swapped.body().path("errors").get(0).path("field").asText())
        .isEqualTo("localAmounts.microcharge");
    assertThat(swapped.body().path("errors").get(0).path("message").asText())
        .contains("The smaller charge is the microcharge");
    assertThat(onlyPaymentMethod(session).path("verification").path("attemptsRemaining").asInt())
        .isEqualTo(5);
  }
}
