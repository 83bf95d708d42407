package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local schedules skip periods in which nothing is due, yet never past an item written later
 * that falls due sooner than the one that was earliest when they skipped.
 */
class LocalSchedulesTest {
  private static final String PASSWORD = "correct horse battery staple";

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

  private static String signUp(String email, int phoneNumber) {
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
    String session =
        client
            .post(
                "/v1/signups/" + started.body().path("signupId").asText() + "/verify",
                null,
                Json.object().put("code", client.lastCode(email)))
            .body()
            .path("session")
            .path("token")
            .asText();
    String phone = TestLifecycle.mobileNumber("US", phoneNumber);
    LocalClient.Answer second =
        client.post(
            "/v1/account/verifications",
            session,
            Json.object().put("channel", "SMS").put("phone", phone));
    client.post(
        "/v1/account/verifications/" + second.body().path("verificationId").asText() + "/verify",
        session,
        Json.object().put("code", client.lastCode(phone)));
    return session;
  }

  @Test
  void aPayPalLinkWrittenAfterACardIsExpiredAtItsOwnTimeNotTheCardsLaterOne() {
    String carol = signUp("schedules.card@example.com", 501);
    String token =
        client
            .post(
                "/_local/card-tokens",
                null,
                Json.object()
                    .put("number", "4242424242424242")
                    .put("expMonth", 12)
                    .put("expYear", 2031)
                    .put("cvc", "123")
                    .put("holderName", "Carol Card"))
            .body()
            .path("token")
            .asText();
    assertThat(
            client
                .post("/v1/account/payment-methods/cards", carol, Json.object().put("token", token))
                .status())
        .isEqualTo(202);
    // a run of the schedules while only the card's release (23 hours away) is due
    client.advance("minutes", 6);
    String paula = signUp("schedules.paypal@example.com", 502);
    String page = runtime.baseUri() + "/";
    LocalClient.Answer link =
        client.post(
            "/v1/account/payment-methods/paypal",
            paula,
            Json.object().put("returnUrl", page).put("cancelUrl", page));
    assertThat(link.status()).isEqualTo(201);

    client.advance("hours", 4);

    JsonNode methods =
        client.get("/v1/account/payment-methods", paula).body().path("paymentMethods");
    assertThat(methods.get(0).path("status").asText()).isEqualTo("FAILED");
    assertThat(methods.get(0).path("failureCode").asText()).isEqualTo("PAYPAL_APPROVAL_EXPIRED");
  }
}
