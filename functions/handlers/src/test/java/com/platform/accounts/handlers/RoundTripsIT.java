package com.platform.accounts.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.aws.AwsClients;
import com.platform.accounts.aws.EmulatorTables;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.handlers.api.AccountApi;
import com.platform.accounts.handlers.api.AccountVerificationsApi;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import com.platform.accounts.handlers.api.SessionApi;
import com.platform.accounts.handlers.api.SignupApi;
import com.platform.accounts.testkit.AwsEmulator;
import com.platform.accounts.testkit.SentEmail;
import com.platform.accounts.testkit.SentSms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS round trips of each user request, counted on the SDK clients of the functions wired as in
 * production, on the emulator: each must make exactly the calls of its row in {@link RoundTrips},
 * the README's table. Each request runs on a function that served nothing before it, after its
 * start-up calls, which are counted apart: a warm function's request.
 */
class RoundTripsIT {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String PHONE = "+12025550123";

  /** How the email and the SMS of a code both say it. */
  private static final Pattern CODE = Pattern.compile("Your verification code is ([0-9]{6})");

  private static final Pattern DESCRIPTOR_CODE = Pattern.compile("INTL([0-9]{6})\\*.*");

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);
  private final AwsCallCounter counter = new AwsCallCounter();
  private AwsClients clients;
  private EmulatorFunctions functions;

  @BeforeEach
  void deploy() {
    AWS.reset();
    clients =
        AwsClients.forEndpoint(
            AWS.endpoint(),
            AWS.region(),
            AWS.accessKeyId(),
            AWS.secretAccessKey(),
            counter.overrides());
    functions = EmulatorFunctions.deploy(clients, tables);
  }

  @AfterEach
  void tearDown() {
    tables.dropAll();
    clients.close();
  }

  @Test
  void theAccountViewIsOneQuery() {
    String token = signUp("ana@example.com").token();
    AccountApi api = started("AccountApi", functions::accountApi);

    APIGatewayProxyResponseEvent view =
        expect(
            RoundTrips.GET_ACCOUNT,
            () ->
                api.handle(
                    withBearer(Events.api("AccountApiFunction-get-account.json"), token), null));

    assertThat(view.getStatusCode()).isEqualTo(200);
  }

  @Test
  void signingIn() {
    signUp("ana@example.com");
    SessionApi api = started("SessionApi", functions::sessionApi);

    APIGatewayProxyResponseEvent session =
        expect(
            RoundTrips.SIGN_IN,
            () -> api.handle(Events.api("SessionApiFunction-post-sessions.json"), null));

    assertThat(session.getStatusCode()).isEqualTo(201);
  }

  @Test
  void signingOut() {
    String token = signUp("ana@example.com").token();
    SessionApi api = started("SessionApi", functions::sessionApi);

    APIGatewayProxyResponseEvent ended =
        expect(
            RoundTrips.SIGN_OUT,
            () ->
                api.handle(
                    withBearer(
                        Events.api("SessionApiFunction-post-sessions.json")
                            .withHttpMethod("DELETE")
                            .withResource("/v1/sessions/current")
                            .withPath("/v1/sessions/current")
                            .withBody(null),
                        token),
                    null));

    assertThat(ended.getStatusCode()).isEqualTo(204);
  }

  @Test
  void startingASignup() {
    SignupApi api = started("SignupApi", functions::signupApi);

    APIGatewayProxyResponseEvent started =
        expect(
            RoundTrips.START_SIGNUP,
            () -> api.handle(Events.api("SignupApiFunction-post-signups.json"), null));

    assertThat(started.getStatusCode()).isEqualTo(201);
  }

  @Test
  void startingASignupWithAnIdempotencyKey() {
    SignupApi api = started("SignupApi", functions::signupApi);
    APIGatewayProxyRequestEvent start = Events.api("SignupApiFunction-post-signups.json");
    start.getHeaders().put("Idempotency-Key", "signup-1");

    APIGatewayProxyResponseEvent started =
        expect(RoundTrips.START_SIGNUP_IDEMPOTENT, () -> api.handle(start, null));

    assertThat(started.getStatusCode()).isEqualTo(201);
  }

  @Test
  void provingTheSignupCode() {
    String signupId =
        json(functions.signupApi().handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    SignupApi api = started("SignupApi", functions::signupApi);

    APIGatewayProxyResponseEvent verified =
        expect(
            RoundTrips.VERIFY_SIGNUP,
            () -> api.handle(verifySignup(signupId, emailedCode("ana@example.com")), null));

    assertThat(verified.getStatusCode()).isEqualTo(201);
  }

  @Test
  void provingAnSmsSignupMakesTheSameCallsWhetherOrNotAnotherAccountHoldsItsEmail() {
    signUp("ana@example.com");

    Map<String, Integer> registered = smsSignupProof("ana@example.com", "+12025550171");
    Map<String, Integer> fresh = smsSignupProof("new@example.com", "+12025550172");

    assertThat(registered)
        .as("the calls a prober could time")
        .isEqualTo(fresh)
        .containsEntry("DynamoDb TransactWriteItems", 1);
  }

  /** Starts a sign-up by SMS naming the email; the calls of proving its code (answered 201). */
  private Map<String, Integer> smsSignupProof(String email, String phone) {
    APIGatewayProxyRequestEvent start = Events.api("SignupApiFunction-post-signups.json");
    start.setBody(
        start
            .getBody()
            .replace("ana@example.com", email)
            .replace(
                "\"verificationChannel\":\"EMAIL\"",
                "\"verificationChannel\":\"SMS\",\"phone\":\"" + phone + "\""));
    String signupId = json(functions.signupApi().handle(start, null)).path("signupId").asText();
    SignupApi api = functions.signupApi();
    String code = textedCode(phone);

    AwsCallCounter.Counted<APIGatewayProxyResponseEvent> made =
        counter.during(() -> api.handle(verifySignup(signupId, code), null));

    assertThat(made.result().getStatusCode()).isEqualTo(201);
    return made.calls();
  }

  @Test
  void startingTheSecondVerification() {
    String token = signUp("ana@example.com").token();
    AccountVerificationsApi api =
        started("AccountVerificationsApi", functions::accountVerificationsApi);

    APIGatewayProxyResponseEvent started =
        expect(
            RoundTrips.START_SECOND_VERIFICATION,
            () -> api.handle(startSecondVerification(token), null));

    assertThat(started.getStatusCode()).isEqualTo(201);
  }

  @Test
  void provingThePhone() {
    String token = signUp("ana@example.com").token();
    String verificationId =
        json(functions.accountVerificationsApi().handle(startSecondVerification(token), null))
            .path("verificationId")
            .asText();
    AccountVerificationsApi api =
        started("AccountVerificationsApi", functions::accountVerificationsApi);

    APIGatewayProxyResponseEvent verified =
        expect(
            RoundTrips.VERIFY_SECOND_VERIFICATION,
            () ->
                api.handle(
                    withBearer(
                        Events.api("AccountApiFunction-get-account.json")
                            .withHttpMethod("POST")
                            .withResource("/v1/account/verifications/{verificationId}/verify")
                            .withPath("/v1/account/verifications/" + verificationId + "/verify")
                            .withPathParameters(Map.of("verificationId", verificationId))
                            .withBody("{\"code\": \"" + textedCode(PHONE) + "\"}"),
                        token),
                    null));

    assertThat(verified.getStatusCode()).isEqualTo(200);
  }

  @Test
  void addingACard() {
    String token = signUp("ana@example.com").token();
    provePhone(token);
    PaymentMethodsApi api = started("PaymentMethodsApi", functions::paymentMethodsApi);

    APIGatewayProxyResponseEvent added =
        expect(RoundTrips.ADD_CARD, () -> api.handle(addCard(token, "4242424242424242"), null));

    assertThat(added.getStatusCode()).isEqualTo(202);
  }

  @Test
  void provingTheCard() {
    SignedUp account = signUp("ana@example.com");
    provePhone(account.token());
    String paymentMethodId =
        json(functions
                .paymentMethodsApi()
                .handle(addCard(account.token(), "4242424242424242"), null))
            .path("paymentMethodId")
            .asText();
    PaymentMethodsApi api = started("PaymentMethodsApi", functions::paymentMethodsApi);

    APIGatewayProxyResponseEvent verified =
        expect(
            RoundTrips.VERIFY_CARD,
            () ->
                api.handle(
                    verifyCard(account.token(), paymentMethodId, descriptorCode("4242")), null));

    assertThat(verified.getStatusCode()).isEqualTo(200);
    assertThat(json(verified).path("status").asText()).isEqualTo("VERIFIED");
  }

  // counting -------------------------------------------------------------------------------------

  /** Builds a function, checking the calls it makes at start-up against the table's. */
  private <T> T started(String function, Supplier<T> build) {
    AwsCallCounter.Counted<T> built = counter.during(build);
    assertThat(built.calls())
        .as("AWS calls while %s starts", function)
        .isEqualTo(RoundTrips.AT_START.get(function));
    return built.result();
  }

  private APIGatewayProxyResponseEvent expect(
      RoundTrips.Row row, Supplier<APIGatewayProxyResponseEvent> request) {
    AwsCallCounter.Counted<APIGatewayProxyResponseEvent> made = counter.during(request);
    assertThat(made.calls())
        .as("AWS calls of %s, answered %s", row.request(), made.result().getStatusCode())
        .isEqualTo(row.calls());
    return made.result();
  }

  // the user's steps, uncounted ------------------------------------------------------------------

  private record SignedUp(String accountId, String token) {}

  /** Signs up with the sample's password and the code that was emailed. */
  private SignedUp signUp(String email) {
    SignupApi api = functions.signupApi();
    APIGatewayProxyRequestEvent start = Events.api("SignupApiFunction-post-signups.json");
    start.setBody(start.getBody().replace("ana@example.com", email));
    String signupId = json(api.handle(start, null)).path("signupId").asText();
    JsonNode done = json(api.handle(verifySignup(signupId, emailedCode(email)), null));
    return new SignedUp(
        done.path("accountId").asText(), done.path("session").path("token").asText());
  }

  /** Proves the phone by SMS, the second verification that adding a card needs. */
  private void provePhone(String token) {
    String verificationId =
        json(functions.accountVerificationsApi().handle(startSecondVerification(token), null))
            .path("verificationId")
            .asText();
    APIGatewayProxyResponseEvent verified =
        functions
            .accountVerificationsApi()
            .handle(
                withBearer(
                    Events.api("AccountApiFunction-get-account.json")
                        .withHttpMethod("POST")
                        .withResource("/v1/account/verifications/{verificationId}/verify")
                        .withPath("/v1/account/verifications/" + verificationId + "/verify")
                        .withPathParameters(Map.of("verificationId", verificationId))
                        .withBody("{\"code\": \"" + textedCode(PHONE) + "\"}"),
                    token),
                null);
    assertThat(verified.getStatusCode()).as("the phone proven").isEqualTo(200);
  }

  private static String emailedCode(String email) {
    List<SentEmail> sent = AWS.sentEmails().stream().filter(e -> e.to().contains(email)).toList();
    assertThat(sent).as("emails to %s", email).isNotEmpty();
    Matcher code = CODE.matcher(sent.get(sent.size() - 1).body());
    assertThat(code.find()).as("a code in the email").isTrue();
    return code.group(1);
  }

  private static String textedCode(String phone) {
    List<SentSms> sent = AWS.sentSms().stream().filter(m -> m.phoneNumber().equals(phone)).toList();
    assertThat(sent).as("texts to the phone").isNotEmpty();
    Matcher code = CODE.matcher(sent.get(sent.size() - 1).message());
    assertThat(code.find()).as("a code in the text").isTrue();
    return code.group(1);
  }

  /** The 6 digits in the description of the card's microcharge, as the owner reads them. */
  private String descriptorCode(String last4) {
    for (SandboxCardProcessor.Transaction line : functions.processor.statement(last4)) {
      Matcher code = DESCRIPTOR_CODE.matcher(line.description());
      if (code.matches()) {
        return code.group(1);
      }
    }
    throw new AssertionError("no microcharge on the card ending in " + last4);
  }

  private static APIGatewayProxyRequestEvent verifySignup(String signupId, String code) {
    return Events.api("SignupApiFunction-post-signups.json")
        .withResource("/v1/signups/{signupId}/verify")
        .withPath("/v1/signups/" + signupId + "/verify")
        .withPathParameters(Map.of("signupId", signupId))
        .withBody("{\"code\": \"" + code + "\"}");
  }

  private static APIGatewayProxyRequestEvent startSecondVerification(String token) {
    return withBearer(
        Events.api("AccountApiFunction-get-account.json")
            .withHttpMethod("POST")
            .withResource("/v1/account/verifications")
            .withPath("/v1/account/verifications")
            .withBody("{\"channel\": \"SMS\", \"phone\": \"" + PHONE + "\"}"),
        token);
  }

  private APIGatewayProxyRequestEvent addCard(String token, String number) {
    String cardToken = functions.processor.tokenize(number, 12, 2030, "123", "Ana Silva");
    return withBearer(
        Events.api("PaymentMethodsApiFunction-post-cards.json")
            .withBody("{\"token\": \"" + cardToken + "\"}"),
        token);
  }

  private static APIGatewayProxyRequestEvent verifyCard(
      String token, String paymentMethodId, String code) {
    return withBearer(
        Events.api("PaymentMethodsApiFunction-post-cards.json")
            .withResource("/v1/account/payment-methods/{paymentMethodId}/verify")
            .withPath("/v1/account/payment-methods/" + paymentMethodId + "/verify")
            .withPathParameters(Map.of("paymentMethodId", paymentMethodId))
            .withBody("{\"code\": \"" + code + "\"}"),
        token);
  }

  private static APIGatewayProxyRequestEvent withBearer(
      APIGatewayProxyRequestEvent event, String token) {
    event.getHeaders().put("Authorization", "Bearer " + token);
    return event;
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
