package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.handlers.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md's "an email is claimed only when proven", over HTTP against the local runtime: a phone
 * sign-up answers alike whoever holds its email and mails nothing to it; whoever proves the address
 * owns it and the account that only named it loses it; sign-in reaches the owner, or while there is
 * none, the one account that named it, if its password matches.
 */
class EmailClaimFlowsE2ETest {
  private static final String OWNER_PASSWORD = "owner passphrase 2026";
  private static final String SQUATTER_PASSWORD = "squatter passphrase 2026";
  private static final String OTHER_PASSWORD = "another passphrase 2026";
  private static final AtomicInteger PHONES = new AtomicInteger(300);

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  static LocalRuntime runtime;
  static LocalClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
    for (String password : List.of(OWNER_PASSWORD, SQUATTER_PASSWORD, OTHER_PASSWORD)) {
      LOGS.watch("password", password);
    }
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static String freshPhone() {
    return "+1202555" + String.format("%04d", PHONES.incrementAndGet());
  }

  private static ObjectNode signupBody(String email, String password, String phone) {
    ObjectNode body =
        Json.object()
            .put("country", "US")
            .put("email", email)
            .put("password", password)
            .put("passwordConfirmation", password)
            .put("termsAccepted", true);
    if (phone != null) {
      body.put("verificationChannel", "SMS").put("phone", phone);
    }
    return body;
  }

  /** A sign-up by SMS when {@code phone} is given, else by email: the verify answer. */
  private static LocalClient.Answer signUp(String email, String password, String phone) {
    LocalClient.Answer started =
        client.post("/v1/signups", null, signupBody(email, password, phone));
    assertThat(started.status()).isEqualTo(201);
    return verify(started.body().path("signupId").asText(), phone != null ? phone : email);
  }

  private static LocalClient.Answer verify(String signupId, String destination) {
    return client.post(
        "/v1/signups/" + signupId + "/verify",
        null,
        Json.object().put("code", client.lastCode(destination)));
  }

  private static String token(LocalClient.Answer verified) {
    assertThat(verified.status()).isEqualTo(201);
    return verified.body().path("session").path("token").asText();
  }

  /** Everything the outbox holds for a mailbox or phone, oldest first. */
  private static JsonNode messages(String to) {
    return client
        .get("/_local/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), null)
        .body()
        .path("messages");
  }

  private static LocalClient.Answer login(String email, String password) {
    return client.post(
        "/v1/sessions", null, Json.object().put("email", email).put("password", password));
  }

  /** The account a sign-in reaches, or null when it is refused (401). */
  private static String signedInAccount(String email, String password) {
    LocalClient.Answer login = login(email, password);
    if (login.status() == 401) {
      assertThat(login.code()).isEqualTo("INVALID_CREDENTIALS");
      return null;
    }
    assertThat(login.status()).isEqualTo(201);
    return client
        .get("/v1/account", login.body().path("token").asText())
        .body()
        .path("accountId")
        .asText();
  }

  @Test
  void anSmsSignupNamingARegisteredEmailIsVerifiedLikeOneNamingANewEmailAndMailsNeither() {
    String registered = "registered.claims@example.com";
    token(signUp(registered, OWNER_PASSWORD, null));
    int mails = messages(registered).size();
    String fresh = "fresh.claims@example.com";
    String phone = freshPhone();

    LocalClient.Answer namingRegistered = signUp(registered, SQUATTER_PASSWORD, freshPhone());
    LocalClient.Answer namingFresh = signUp(fresh, SQUATTER_PASSWORD, phone);

    for (LocalClient.Answer answer : List.of(namingRegistered, namingFresh)) {
      assertThat(answer.status()).isEqualTo(201);
      assertThat(answer.body().fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("accountId", "session");
      JsonNode account = client.get("/v1/account", token(answer)).body();
      assertThat(account.path("verifiedContacts").path("email").asBoolean()).isFalse();
      assertThat(account.path("verifiedContacts").path("phone").asBoolean()).isTrue();
    }
    assertThat(messages(registered)).as("no mail of any kind to the owner").hasSize(mails);
    assertThat(messages(fresh)).as("no welcome to a mailbox nobody proved").isEmpty();
    JsonNode texts = messages(phone);
    assertThat(texts.get(texts.size() - 1).path("body").asText())
        .as("the welcome goes to the phone the account proved")
        .contains(namingFresh.body().path("accountId").asText())
        .contains("ready");
  }

  @Test
  void theOwnersEmailSignupOwnsTheAddressAndTheSquatterIsToldByTextAndClosed() {
    String email = "owner.claims@example.com";
    String squatterPhone = freshPhone();
    String squatterToken = token(signUp(email, SQUATTER_PASSWORD, squatterPhone));
    assertThat(signedInAccount(email, SQUATTER_PASSWORD))
        .as("while nobody proved the address")
        .isNotNull();

    LocalClient.Answer started =
        client.post("/v1/signups", null, signupBody(email, OWNER_PASSWORD, null));
    JsonNode sent = messages(email);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("code").asText())
        .as("a code, not an already-exists notice")
        .hasSize(6);
    LocalClient.Answer owner = verify(started.body().path("signupId").asText(), email);

    assertThat(owner.status()).isEqualTo(201);
    String ownerId = owner.body().path("accountId").asText();
    JsonNode ownerView = client.get("/v1/account", token(owner)).body();
    assertThat(ownerView.path("email").asText()).isEqualTo(email);
    assertThat(ownerView.path("verifiedContacts").path("email").asBoolean()).isTrue();
    assertThat(client.get("/v1/account", squatterToken).status())
        .as("the squatter had nothing else: closed")
        .isEqualTo(401);
    JsonNode texts = messages(squatterPhone);
    assertThat(texts.get(texts.size() - 1).path("body").asText()).contains("closed");
    assertThat(signedInAccount(email, OWNER_PASSWORD)).isEqualTo(ownerId);
    assertThat(signedInAccount(email, SQUATTER_PASSWORD)).isNull();
  }

  @Test
  void whileNobodyProvedAnAddressItsNamerSignsInWithItAndAnAccountPastTheCapDoesNot() {
    String email = "shared.claims@example.com";
    String first = signUp(email, SQUATTER_PASSWORD, freshPhone()).body().path("accountId").asText();
    LocalClient.Answer late = signUp(email, OTHER_PASSWORD, freshPhone());

    assertThat(late.status()).as("answered alike").isEqualTo(201);
    assertThat(late.body().fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("accountId", "session");
    JsonNode lateView = client.get("/v1/account", token(late)).body();
    assertThat(lateView.path("email").asText()).isEqualTo(email);
    assertThat(lateView.path("verifiedContacts").path("email").asBoolean()).isFalse();
    assertThat(signedInAccount(email, SQUATTER_PASSWORD)).isEqualTo(first);
    assertThat(signedInAccount(email, OTHER_PASSWORD))
        .as("past the cap: not by the address it has not proved")
        .isNull();
    assertThat(signedInAccount(email, OWNER_PASSWORD)).isNull();
    assertThat(signedInAccount("nobody.claims@example.com", OWNER_PASSWORD)).isNull();
  }

  @Test
  void anAccountPastTheCapProvingTheAddressByTheSecondVerificationOwnsItAndTheNamerLosesIt() {
    String email = "second.claims@example.com";
    String namerPhone = freshPhone();
    String namerToken = token(signUp(email, SQUATTER_PASSWORD, namerPhone));
    LocalClient.Answer prover = signUp(email, OWNER_PASSWORD, freshPhone());
    String proverToken = token(prover);
    assertThat(signedInAccount(email, OWNER_PASSWORD)).as("before it proves the address").isNull();

    LocalClient.Answer started =
        client.post(
            "/v1/account/verifications", proverToken, Json.object().put("channel", "EMAIL"));
    assertThat(started.status()).isEqualTo(201);
    LocalClient.Answer verified =
        client.post(
            "/v1/account/verifications/"
                + started.body().path("verificationId").asText()
                + "/verify",
            proverToken,
            Json.object().put("code", client.lastCode(email)));

    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("verifiedContacts").path("email").asBoolean()).isTrue();
    assertThat(client.get("/v1/account", namerToken).status())
        .as("the namer had nothing else: closed")
        .isEqualTo(401);
    JsonNode texts = messages(namerPhone);
    assertThat(texts.get(texts.size() - 1).path("body").asText()).contains("closed");
    assertThat(signedInAccount(email, OWNER_PASSWORD))
        .isEqualTo(prover.body().path("accountId").asText());
    assertThat(signedInAccount(email, SQUATTER_PASSWORD)).isNull();
  }

  @Test
  void theSecondVerificationOfAnEmailAnotherAccountProvedIsRefusedOnlyToTheMailboxHolder() {
    String email = "taken.claims@example.com";
    token(signUp(email, OWNER_PASSWORD, null));
    String namerToken = token(signUp(email, SQUATTER_PASSWORD, freshPhone()));

    LocalClient.Answer started =
        client.post("/v1/account/verifications", namerToken, Json.object().put("channel", "EMAIL"));
    assertThat(started.status()).as("answered as for any address").isEqualTo(201);
    String path =
        "/v1/account/verifications/" + started.body().path("verificationId").asText() + "/verify";
    String right = client.lastCode(email);
    String wrong = right.equals("000000") ? "111111" : "000000";

    LocalClient.Answer guessed = client.post(path, namerToken, Json.object().put("code", wrong));
    LocalClient.Answer proven = client.post(path, namerToken, Json.object().put("code", right));

    assertThat(guessed.status()).isEqualTo(400);
    assertThat(guessed.code()).isEqualTo("INVALID_CODE");
    assertThat(proven.status()).isEqualTo(409);
    assertThat(proven.code()).isEqualTo("ACCOUNT_ALREADY_EXISTS");
    assertThat(
            client
                .get("/v1/account", namerToken)
                .body()
                .path("verifiedContacts")
                .path("email")
                .asBoolean())
        .isFalse();
  }

  @Test
  void twoAccountsProvingOneAddressAtTheSameMomentMakeExactlyOneOwner() throws Exception {
    String email = "race.claims@example.com";
    LocalClient.Answer namer = signUp(email, SQUATTER_PASSWORD, freshPhone());
    String namerId = namer.body().path("accountId").asText();
    String namerToken = token(namer);
    LocalClient.Answer verification =
        client.post("/v1/account/verifications", namerToken, Json.object().put("channel", "EMAIL"));
    String namerCode = client.lastCode(email);
    LocalClient.Answer signup =
        client.post("/v1/signups", null, signupBody(email, OWNER_PASSWORD, null));
    String signupCode = client.lastCode(email);
    ObjectNode namerProof = Json.object().put("code", namerCode);
    ObjectNode signupProof = Json.object().put("code", signupCode);
    CountDownLatch go = new CountDownLatch(1);

    CompletableFuture<LocalClient.Answer> byVerification =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return client.post(
                  "/v1/account/verifications/"
                      + verification.body().path("verificationId").asText()
                      + "/verify",
                  namerToken,
                  namerProof);
            });
    CompletableFuture<LocalClient.Answer> bySignup =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return client.post(
                  "/v1/signups/" + signup.body().path("signupId").asText() + "/verify",
                  null,
                  signupProof);
            });
    go.countDown();
    LocalClient.Answer first = byVerification.get(60, TimeUnit.SECONDS);
    LocalClient.Answer second = bySignup.get(60, TimeUnit.SECONDS);

    List<LocalClient.Answer> answers = List.of(first, second);
    assertThat(answers).filteredOn(a -> a.status() / 100 == 2).hasSize(1);
    boolean namerWon = first.status() == 200;
    if (namerWon) {
      assertThat(second.code()).isEqualTo("ACCOUNT_ALREADY_EXISTS");
    } else {
      // refused as taken, or as signed out when the owner's workflow closed the namer first
      assertThat(first.code()).isIn("ACCOUNT_ALREADY_EXISTS", "UNAUTHENTICATED");
    }
    String owner = namerWon ? namerId : second.body().path("accountId").asText();
    assertThat(signedInAccount(email, namerWon ? SQUATTER_PASSWORD : OWNER_PASSWORD))
        .isEqualTo(owner);
    assertThat(signedInAccount(email, namerWon ? OWNER_PASSWORD : SQUATTER_PASSWORD)).isNull();
  }

  private static void await(CountDownLatch go) {
    try {
      assertThat(go.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
