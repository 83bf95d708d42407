package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Linking PayPal over HTTP against the local runtime, as a new user would: sign up, prove both
 * contacts, start the link, approve (or not) at the PayPal stand-in's page, follow PayPal's
 * redirect back and land on the frontend page. Neither a setup token nor a state may be logged.
 */
class PayPalFlowsE2ETest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final AtomicInteger PHONES = new AtomicInteger();

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private static LocalRuntime runtime;
  private static LocalClient client;
  private static String returnUrl;
  private static String cancelUrl;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
    String origin = runtime.baseUri().resolve("/").toString().replaceAll("/$", "");
    returnUrl = origin + "/billing/paypal?from=paypal";
    cancelUrl = origin + "/billing";
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  /** A new account with both contacts proven through the outbox: its session and email. */
  private record Person(String session, String email) {}

  private static Person signUp() {
    String email = "paypal" + EMAILS.incrementAndGet() + ".e2e@example.com";
    LocalClient.Answer started =
        client.post(
            "/v1/signups",
            null,
            Json.object()
                .put("country", "AU")
                .put("email", email)
                .put("password", PASSWORD)
                .put("passwordConfirmation", PASSWORD)
                .put("termsAccepted", true));
    assertThat(started.status()).as("sign-up: %s", started).isEqualTo(201);
    LocalClient.Answer verified =
        client.post(
            "/v1/signups/" + started.body().path("signupId").asText() + "/verify",
            null,
            Json.object().put("code", client.lastCode(email)));
    String session = verified.body().path("session").path("token").asText();
    String phone = TestLifecycle.mobileNumber("AU", PHONES.incrementAndGet());
    LocalClient.Answer second =
        client.post(
            "/v1/account/verifications",
            session,
            Json.object().put("channel", "SMS").put("phone", phone));
    assertThat(second.status()).as("second verification: %s", second).isEqualTo(201);
    LocalClient.Answer proven =
        client.post(
            "/v1/account/verifications/"
                + second.body().path("verificationId").asText()
                + "/verify",
            session,
            Json.object().put("code", client.lastCode(phone)));
    assertThat(proven.status()).as("phone proven: %s", proven).isEqualTo(200);
    return new Person(session, email);
  }

  private static LocalClient.Answer link(String session, String back, String cancel) {
    return client.post(
        "/v1/account/payment-methods/paypal",
        session,
        Json.object().put("returnUrl", back).put("cancelUrl", cancel));
  }

  /** At the stand-in's page: approve (verified payer or not) or cancel; where PayPal sends next. */
  private static String atPayPal(String approvalUrl, boolean approved, boolean payerVerified) {
    String token = query(approvalUrl, "token");
    LocalClient.Answer answer =
        client.post(
            "/_local/paypal/approve",
            null,
            Json.object()
                .put("token", token)
                .put("approved", approved)
                .put("payerVerified", payerVerified));
    assertThat(answer.status()).as("approval: %s", answer).isEqualTo(200);
    String redirect = answer.body().path("redirectUrl").asText();
    String state = query(redirect, "state");
    if (state != null) {
      LOGS.watch("PayPal return state", state);
    }
    return redirect;
  }

  /** The browser at PayPal's redirect, not following the service's own redirect. */
  private static LocalClient.Answer back(String redirectUrl) {
    URI target = URI.create(redirectUrl);
    assertThat(target.getScheme() + "://" + target.getAuthority())
        .isEqualTo(runtime.baseUri().resolve("/").toString().replaceAll("/$", ""));
    return client.get(target.getRawPath() + "?" + target.getRawQuery(), null);
  }

  private static JsonNode method(String session, String paymentMethodId) {
    for (JsonNode pm : client.get("/v1/account", session).body().path("paymentMethods")) {
      if (paymentMethodId.equals(pm.path("paymentMethodId").asText())) {
        return pm;
      }
    }
    return Json.MAPPER.missingNode();
  }

  private static String query(String url, String name) {
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static JsonNode outbox(String email) {
    return client
        .get("/_local/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null)
        .body()
        .path("messages");
  }

  @Test
  void aVerifiedPayerLinksPayPalAndIsToldByEmail() throws Exception {
    Person ana = signUp();

    LocalClient.Answer started = link(ana.session(), returnUrl, cancelUrl);
    assertThat(started.status()).as("link: %s", started).isEqualTo(201);
    assertThat(started.headers()).containsEntry("x-local-function", "PayPalApiFunction");
    String id = started.body().path("paymentMethodId").asText();
    String approvalUrl = started.body().path("approvalUrl").asText();
    assertThat(started.body().path("status").asText()).isEqualTo("PENDING_APPROVAL");
    LOGS.watch("PayPal setup token", query(approvalUrl, "token"));

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(approvalUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

    String redirect = atPayPal(approvalUrl, true, true);
    LocalClient.Answer landed = back(redirect);

    assertThat(landed.status()).isEqualTo(303);
    assertThat(landed.headers())
        .containsEntry("location", returnUrl + "&paymentMethodId=" + id + "&status=ACTIVE")
        .containsEntry("referrer-policy", "no-referrer");
    JsonNode account = client.get("/v1/account", ana.session()).body();
    assertThat(method(ana.session(), id).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(method(ana.session(), id).path("type").asText()).isEqualTo("PAYPAL");
    assertThat(account.path("capabilities").path("prepaid").asBoolean()).isTrue();
    assertThat(account.path("capabilities").path("payAsYouGo").asBoolean()).isFalse();
    assertThat(outbox(ana.email()))
        .extracting(m -> m.path("subject").asText())
        .containsOnlyOnce("PayPal is linked to your account");

    // the same return again: the state worked once
    LocalClient.Answer replay = back(redirect);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.code()).isEqualTo("INVALID_STATE");

    LocalClient.Answer again = link(ana.session(), returnUrl, cancelUrl);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("PAYPAL_ALREADY_LINKED");

    // a card beside PayPal: the account is Australian, so is the card
    LocalClient.Answer cardToken =
        client.post(
            "/_local/card-tokens",
            null,
            Json.object()
                .put("number", "4000000360000006")
                .put("expMonth", 12)
                .put("expYear", 2031)
                .put("cvc", "123")
                .put("holderName", "Ana Payer"));
    assertThat(cardToken.status()).as("card token: %s", cardToken).isEqualTo(201);
    LocalClient.Answer card =
        client.post(
            "/v1/account/payment-methods/cards",
            ana.session(),
            Json.object().put("token", cardToken.body().path("token").asText()));
    assertThat(card.status()).as("card: %s", card).isEqualTo(202);
    assertThat(method(ana.session(), id).path("status").asText()).isEqualTo("ACTIVE");

    assertThat(client.delete("/v1/account/payment-methods/" + id, ana.session()).status())
        .isEqualTo(204);
    assertThat(method(ana.session(), id).isMissingNode()).isTrue();
    // the card is not verified yet: nothing is open without PayPal
    assertThat(
            client
                .get("/v1/account", ana.session())
                .body()
                .path("capabilities")
                .path("prepaid")
                .asBoolean())
        .isFalse();
    assertThat(method(ana.session(), card.body().path("paymentMethodId").asText()).isMissingNode())
        .isFalse();
  }

  @Test
  void anUnverifiedPayerLandsWithTheFailure() {
    Person bob = signUp();
    LocalClient.Answer started = link(bob.session(), returnUrl, cancelUrl);
    String id = started.body().path("paymentMethodId").asText();

    LocalClient.Answer landed =
        back(atPayPal(started.body().path("approvalUrl").asText(), true, false));

    assertThat(landed.status()).isEqualTo(303);
    assertThat(landed.headers().get("location"))
        .isEqualTo(
            returnUrl + "&paymentMethodId=" + id + "&status=FAILED&code=PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(method(bob.session(), id).path("status").asText()).isEqualTo("FAILED");
    assertThat(method(bob.session(), id).path("failureCode").asText())
        .isEqualTo("PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(
            client
                .get("/v1/account", bob.session())
                .body()
                .path("capabilities")
                .path("prepaid")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aCancelAtPayPalLandsOnTheCancelPage() {
    Person cy = signUp();
    LocalClient.Answer started = link(cy.session(), returnUrl, cancelUrl);
    String id = started.body().path("paymentMethodId").asText();

    LocalClient.Answer landed =
        back(atPayPal(started.body().path("approvalUrl").asText(), false, false));

    assertThat(landed.status()).isEqualTo(303);
    assertThat(landed.headers().get("location"))
        .isEqualTo(cancelUrl + "?paymentMethodId=" + id + "&status=CANCELLED");
  }

  @Test
  void aForeignReturnUrlIsRefusedAndTheLocalhostNameIsAllowed() {
    Person di = signUp();

    LocalClient.Answer foreign = link(di.session(), "https://evil.example/steal", cancelUrl);
    LocalClient.Answer trick = link(di.session(), returnUrl, "javascript:alert(1)");

    for (LocalClient.Answer refused : new LocalClient.Answer[] {foreign, trick}) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
      assertThat(refused.body().path("errors").get(0).path("code").asText())
          .isEqualTo("URL_NOT_ALLOWED");
    }
    assertThat(client.get("/v1/account", di.session()).body().path("paymentMethods")).isEmpty();
    String byName = "http://localhost:" + runtime.baseUri().getPort() + "/billing";
    assertThat(link(di.session(), byName, byName).status()).isEqualTo(201);
  }

  @Test
  void thePayPalRouteIsNotTakenForAPaymentMethodId() {
    Person ed = signUp();

    LocalClient.Answer answer = link(ed.session(), returnUrl, cancelUrl);
    LocalClient.Answer delete = client.delete("/v1/account/payment-methods/paypal", ed.session());

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.headers()).containsEntry("x-local-function", "PayPalApiFunction");
    // the literal segment wins over {paymentMethodId}, as in API Gateway: a DELETE of it is no
    // method's removal
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.headers()).doesNotContainKey("x-local-function");
  }

  @Test
  void anAbandonedAttemptFailsOnceTheApprovalWindowHasPassedAndCanBeRemoved() {
    Person fay = signUp();
    LocalClient.Answer started = link(fay.session(), returnUrl, cancelUrl);
    String id = started.body().path("paymentMethodId").asText();
    String approvalUrl = started.body().path("approvalUrl").asText();
    String redirect = atPayPal(approvalUrl, true, true);

    client.advance("hours", 4);

    JsonNode pm = method(fay.session(), id);
    assertThat(pm.path("status").asText()).isEqualTo("FAILED");
    assertThat(pm.path("failureCode").asText()).isEqualTo("PAYPAL_APPROVAL_EXPIRED");
    LocalClient.Answer late = back(redirect);
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.code()).isEqualTo("INVALID_STATE");
    assertThat(client.delete("/v1/account/payment-methods/" + id, fay.session()).status())
        .isEqualTo(204);
    assertThat(method(fay.session(), id).isMissingNode()).isTrue();
  }

  @Test
  void theReturnsAnswerCarriesNeitherStateNorToken() {
    Person gil = signUp();
    LocalClient.Answer started = link(gil.session(), returnUrl, cancelUrl);
    String redirect = atPayPal(started.body().path("approvalUrl").asText(), true, true);
    back(redirect);

    LocalClient.Answer replay = back(redirect);

    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.headers().get("content-type")).startsWith("application/problem+json");
    String text = replay.body().toString();
    assertThat(text)
        .doesNotContain(query(redirect, "state"))
        .doesNotContain(query(redirect, "token"));
    assertThat(Map.copyOf(replay.headers()).values())
        .noneMatch(v -> v.contains(query(redirect, "state")));
  }
}
