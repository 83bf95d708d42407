package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.handlers.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every sign-up flow of API.md, over HTTP against the local runtime, codes read from the outbox.
 * Nothing the runtime logs meanwhile may hold a code, password or token used ({@link
 * LogSecretScan}).
 */
class SignupFlowsE2ETest {
  static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger PHONES = new AtomicInteger(100);

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  static LocalRuntime runtime;
  static LocalClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
    LOGS.watch("password", PASSWORD);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static ObjectNode signupBody(String email, String channel, String phone) {
    ObjectNode body =
        Json.object()
            .put("country", "US")
            .put("email", email)
            .put("password", PASSWORD)
            .put("passwordConfirmation", PASSWORD)
            .put("termsAccepted", true);
    if (channel != null) {
      body.put("verificationChannel", channel);
    }
    if (phone != null) {
      body.put("phone", phone);
    }
    return body;
  }

  static String freshPhone() {
    return "+1202555" + String.format("%04d", PHONES.incrementAndGet());
  }

  /** Signs up by email and returns the session token. */
  static String signUp(String email) {
    LocalClient.Answer started = client.post("/v1/signups", null, signupBody(email, null, null));
    assertThat(started.status()).isEqualTo(201);
    String signupId = started.body().path("signupId").asText();
    LocalClient.Answer verified =
        client.post(
            "/v1/signups/" + signupId + "/verify",
            null,
            Json.object().put("code", client.lastCode(email)));
    assertThat(verified.status()).isEqualTo(201);
    return verified.body().path("session").path("token").asText();
  }

  @Test
  void emailSignupThenAccountThenLogoutThenLogin() {
    String token = signUp("ana.e2e@example.com");

    LocalClient.Answer account = client.get("/v1/account", token);
    assertThat(account.status()).isEqualTo(200);
    assertThat(account.body().path("verifiedContacts").path("email").asBoolean()).isTrue();
    assertThat(account.body().path("status").asText()).isEqualTo("ACTIVE");

    assertThat(client.delete("/v1/sessions/current", token).status()).isEqualTo(204);
    assertThat(client.get("/v1/account", token).status()).isEqualTo(401);

    LocalClient.Answer login =
        client.post(
            "/v1/sessions",
            null,
            Json.object().put("email", "ana.e2e@example.com").put("password", PASSWORD));
    assertThat(login.status()).isEqualTo(201);
    assertThat(client.get("/v1/account", login.body().path("token").asText()).status())
        .isEqualTo(200);
  }

  @Test
  void smsAndVoiceSignupsProveThePhone() {
    for (String channel : List.of("SMS", "VOICE")) {
      String phone = freshPhone();
      String email = channel.toLowerCase() + ".e2e@example.com";
      LocalClient.Answer started =
          client.post("/v1/signups", null, signupBody(email, channel, phone));
      assertThat(started.status()).isEqualTo(201);
      assertThat(started.body().path("channel").asText()).isEqualTo(channel);

      LocalClient.Answer verified =
          client.post(
              "/v1/signups/" + started.body().path("signupId").asText() + "/verify",
              null,
              Json.object().put("code", client.lastCode(phone)));

      assertThat(verified.status()).isEqualTo(201);
      LocalClient.Answer account =
          client.get("/v1/account", verified.body().path("session").path("token").asText());
      assertThat(account.body().path("verifiedContacts").path("phone").asBoolean()).isTrue();
      assertThat(account.body().path("phone").asText()).isEqualTo(phone);
    }
  }

  @Test
  void theSecondVerificationProvesThePhoneAfterAnEmailSignup() {
    String token = signUp("second.e2e@example.com");
    String phone = freshPhone();

    LocalClient.Answer started =
        client.post(
            "/v1/account/verifications",
            token,
            Json.object().put("channel", "SMS").put("phone", phone));
    assertThat(started.status()).isEqualTo(201);
    LocalClient.Answer again =
        client.post("/v1/account/verifications", token, Json.object().put("channel", "EMAIL"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("CHANNEL_ALREADY_VERIFIED");

    LocalClient.Answer verified =
        client.post(
            "/v1/account/verifications/"
                + started.body().path("verificationId").asText()
                + "/verify",
            token,
            Json.object().put("code", client.lastCode(phone)));

    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("verifiedContacts").path("phone").asBoolean()).isTrue();
  }

  @Test
  void resendIsLimitedToOncePerMinute() {
    LocalClient.Answer started =
        client.post("/v1/signups", null, signupBody("resend.e2e@example.com", null, null));
    String path = "/v1/signups/" + started.body().path("signupId").asText() + "/code";

    LocalClient.Answer tooSoon = client.post(path, null, "{}");
    assertThat(tooSoon.status()).isEqualTo(429);
    assertThat(tooSoon.code()).isEqualTo("RATE_LIMITED");
    assertThat(tooSoon.headers()).containsKey("retry-after");

    client.advance("seconds", 61);
    LocalClient.Answer resent = client.post(path, null, "{}");
    assertThat(resent.status()).isEqualTo(202);
    assertThat(resent.body().path("signupId").asText())
        .isEqualTo(started.body().path("signupId").asText());
  }

  @Test
  void fiveWrongCodesThenTheCodeIsDead() {
    LocalClient.Answer started =
        client.post("/v1/signups", null, signupBody("wrong.e2e@example.com", null, null));
    String path = "/v1/signups/" + started.body().path("signupId").asText() + "/verify";
    String right = client.lastCode("wrong.e2e@example.com");
    String wrong = right.equals("999999") ? "888888" : "999999";

    for (int remaining = 4; remaining >= 1; remaining--) {
      LocalClient.Answer answer = client.post(path, null, Json.object().put("code", wrong));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body().path("attemptsRemaining").asInt()).isEqualTo(remaining);
    }
    LocalClient.Answer fifth = client.post(path, null, Json.object().put("code", wrong));
    assertThat(fifth.status()).isEqualTo(410);
    assertThat(fifth.code()).isEqualTo("CODE_EXPIRED");
    LocalClient.Answer locked = client.post(path, null, Json.object().put("code", right));
    assertThat(locked.status()).isEqualTo(410);
    assertThat(locked.code()).isEqualTo("CODE_EXPIRED");
  }

  @Test
  void aTakenEmailIsAnsweredTheSameWay() {
    signUp("taken.e2e@example.com");

    LocalClient.Answer again =
        client.post("/v1/signups", null, signupBody("taken.e2e@example.com", null, null));

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "signupId", "channel", "destination", "codeExpiresAt", "resendAvailableAt");
    LocalClient.Answer outbox = client.get("/_local/outbox?to=taken.e2e@example.com", null);
    var messages = outbox.body().path("messages");
    assertThat(messages.get(messages.size() - 1).path("subject").asText())
        .contains("already have an account");
  }

  @Test
  void theWorkflowPublishesTheVerifiedContact() {
    String email = "events.e2e@example.com";
    String signupId =
        client
            .post("/v1/signups", null, signupBody(email, null, null))
            .body()
            .path("signupId")
            .asText();
    String accountId =
        client
            .post(
                "/v1/signups/" + signupId + "/verify",
                null,
                Json.object().put("code", client.lastCode(email)))
            .body()
            .path("accountId")
            .asText();

    List<DomainEvent> events =
        runtime.events().all().stream().filter(e -> e.accountId().equals(accountId)).toList();
    assertThat(events)
        .extracting(DomainEvent::type)
        .containsExactly("AccountCreated", "ContactVerified");
    ExecutionDescription execution =
        runtime.workflows().engine().executions().stream()
            .filter(e -> e.name().equals(signupId + "-proven"))
            .findFirst()
            .orElseThrow();
    assertThat(execution.status()).isEqualTo(ExecutionDescription.Status.SUCCEEDED);
    assertThat(execution.visitedStates()).containsExactly("PublishVerified", "Done");
  }

  @Test
  void badInputIsAProblemAndNeverA500() {
    Map<String, String> bodies =
        Map.of(
            "{",
            "MALFORMED_REQUEST",
            "[]",
            "MALFORMED_REQUEST",
            "{\"email\": 5}",
            "VALIDATION_FAILED",
            "{\"country\":\"US\",\"email\":\"x@example.com\",\"password\":\""
                + "p".repeat(17000)
                + "\"}",
            "MALFORMED_REQUEST");
    bodies.forEach(
        (body, code) -> {
          LocalClient.Answer answer = client.post("/v1/signups", null, body);
          assertThat(answer.status()).as(body.length() > 80 ? "oversize" : body).isEqualTo(400);
          assertThat(answer.code()).isEqualTo(code);
          assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        });
    assertThat(client.post("/v1/signups/sgn_nope/verify", null, "{\"code\":\"123456\"}").status())
        .isEqualTo(404);
    assertThat(client.post("/v1/signups/sgn_nope/verify", null, "{\"code\":\"12\"}").status())
        .isEqualTo(400);
  }

  @Test
  void anUnverifiedSignupRunsNoExecutionAndIsForgottenAfterADay() {
    LocalClient.Answer started =
        client.post("/v1/signups", null, signupBody("expire.e2e@example.com", null, null));
    String signupId = started.body().path("signupId").asText();

    client.advance("hours", 25);

    assertThat(runtime.workflows().engine().executions())
        .noneMatch(e -> e.name().startsWith(signupId));
    // the challenge lives a day: past that, the signup is no longer known at all
    assertThat(
            client
                .post(
                    "/v1/signups/" + signupId + "/verify",
                    null,
                    Json.object().put("code", client.lastCode("expire.e2e@example.com")))
                .status())
        .isEqualTo(404);
  }
}
