package com.platform.accounts.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.platform.accounts.payments.PayPalFixtures.ACCESS_TOKEN;
import static com.platform.accounts.payments.PayPalFixtures.APPROVE_URL;
import static com.platform.accounts.payments.PayPalFixtures.AUTHENTICATION_FAILURE;
import static com.platform.accounts.payments.PayPalFixtures.CLIENT_ID;
import static com.platform.accounts.payments.PayPalFixtures.CLIENT_SECRET;
import static com.platform.accounts.payments.PayPalFixtures.INTERNAL_SERVER_ERROR;
import static com.platform.accounts.payments.PayPalFixtures.INVALID_CLIENT;
import static com.platform.accounts.payments.PayPalFixtures.PAYER_EMAIL;
import static com.platform.accounts.payments.PayPalFixtures.PAYER_ID;
import static com.platform.accounts.payments.PayPalFixtures.PAYMENT_TOKEN;
import static com.platform.accounts.payments.PayPalFixtures.RENEWED_TOKEN;
import static com.platform.accounts.payments.PayPalFixtures.SETUP_TOKEN;
import static com.platform.accounts.payments.PayPalFixtures.json;
import static com.platform.accounts.payments.PayPalFixtures.messages;
import static com.platform.accounts.payments.PayPalFixtures.oauthToken;
import static com.platform.accounts.payments.PayPalFixtures.paymentToken;
import static com.platform.accounts.payments.PayPalFixtures.setupToken;
import static com.platform.accounts.payments.PayPalFixtures.unprocessable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.platform.accounts.core.paypal.PayPalRefusedException;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PaymentToken;
import com.platform.accounts.core.paypal.SetupToken;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The PayPal vault adapter against an in-process WireMock standing in for api-m.paypal.com, serving
 * the answers of PayPal's OAuth 2.0 and Payment Method Tokens (Vault v3) references.
 */
class PayPalVaultGatewayTest {

  private static final String RETURN_URL = "https://app.example.com/paypal/return?state=s3cr3t";
  private static final String CANCEL_URL = "https://app.example.com/paypal/cancel?state=s3cr3t";
  private static final String REQUEST_ID = "paym_01J9ZQ:setup";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static WireMockServer paypal;
  private PayPalFixtures.MovableClock clock;
  private PayPalVaultGateway gateway;

  @BeforeAll
  static void startPayPal() {
    paypal = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    paypal.start();
  }

  @AfterAll
  static void stopPayPal() {
    paypal.stop();
  }

  @BeforeEach
  void reset() {
    paypal.resetAll();
    clock = new PayPalFixtures.MovableClock();
    gateway = gateway(URI.create(paypal.baseUrl()));
    paypal.stubFor(
        post(urlPathEqualTo("/v1/oauth2/token"))
            .willReturn(json(200, oauthToken(ACCESS_TOKEN, 32400))));
  }

  private PayPalVaultGateway gateway(URI baseUrl) {
    return new PayPalVaultGateway(
        new PayPalApi(CLIENT_ID, CLIENT_SECRET, baseUrl, TIMEOUT, clock), "Acme Cloud");
  }

  @Nested
  class SetupTokens {

    @Test
    void asksForAMerchantBillingAgreementForUnscheduledPrepaidPurchases() {
      stubSetupToken(json(201, setupToken()));

      gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID);

      LoggedRequest request = only(postRequestedFor(urlPathEqualTo("/v3/vault/setup-tokens")));
      assertJson(
          request.getBodyAsString(),
          """
          {
            "payment_source": {
              "paypal": {
                "usage_pattern": "UNSCHEDULED_PREPAID",
                "usage_type": "MERCHANT",
                "customer_type": "CONSUMER",
                "permit_multiple_payment_tokens": false,
                "experience_context": {
                  "return_url": "%s",
                  "cancel_url": "%s",
                  "shipping_preference": "NO_SHIPPING",
                  "brand_name": "Acme Cloud"
                }
              }
            }
          }"""
              .formatted(RETURN_URL, CANCEL_URL));
      assertThat(request.getHeader("PayPal-Request-Id")).isEqualTo(REQUEST_ID);
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
      assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void theApprovalUrlIsTheApproveLinkWhereverItIs() {
      stubSetupToken(json(201, setupToken()));

      SetupToken token = gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID);

      assertThat(token.id()).isEqualTo(SETUP_TOKEN);
      assertThat(token.approvalUrl()).isEqualTo(APPROVE_URL);
    }

    @Test
    void aReplayedAnswerOfTheSameRequestIdIsTheSameSetupToken() {
      stubSetupToken(json(200, setupToken()));

      assertThat(gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID).id())
          .isEqualTo(SETUP_TOKEN);
    }

    @Test
    void anAnswerWithoutAnApproveLinkIsUnavailable() {
      stubSetupToken(
          json(
              201,
              """
              {"id": "%s", "status": "CREATED", "links": [{"rel": "self",
                "href": "https://api-m.sandbox.paypal.com/v3/vault/setup-tokens/%s"}]}"""
                  .formatted(SETUP_TOKEN, SETUP_TOKEN)));

      assertThatThrownBy(() -> gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID))
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageNotContaining(SETUP_TOKEN);
    }

    @Test
    void aRelativeReturnUrlIsRefusedBeforeAnyRequestAndNotQuoted() {
      assertThatThrownBy(
              () -> gateway.createSetupToken("/paypal/return?state=s3cr3t", CANCEL_URL, REQUEST_ID))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("s3cr3t");
      assertThat(paypal.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRequestIdPayPalWouldNotKeepIsRefusedBeforeAnyRequest() {
      for (String requestId : List.of("", " ", "a".repeat(109), "line\nbreak")) {
        assertThatThrownBy(() -> gateway.createSetupToken(RETURN_URL, CANCEL_URL, requestId))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(paypal.getAllServeEvents()).isEmpty();
    }
  }

  @Nested
  class PaymentTokens {

    @Test
    void exchangesTheSetupTokenWithTheRequestIdAndReadsThePayer() {
      stubPaymentToken(json(201, paymentToken(null)));

      PaymentToken token = gateway.createPaymentToken(SETUP_TOKEN, "paym_01J9ZQ:complete");

      assertThat(token).isEqualTo(new PaymentToken(PAYMENT_TOKEN, PAYER_ID, PAYER_EMAIL, true));
      LoggedRequest request = only(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens")));
      assertJson(
          request.getBodyAsString(),
          """
          {"payment_source": {"token": {"id": "%s", "type": "SETUP_TOKEN"}}}"""
              .formatted(SETUP_TOKEN));
      assertThat(request.getHeader("PayPal-Request-Id")).isEqualTo("paym_01J9ZQ:complete");
    }

    @Test
    void aPayerPayPalCallsUnverifiedIsNotVerified() {
      stubPaymentToken(json(201, paymentToken("UNVERIFIED")));

      assertThat(gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID).payerVerified()).isFalse();
    }

    @Test
    void aPayerPayPalCallsVerifiedIsVerified() {
      stubPaymentToken(json(201, paymentToken("VERIFIED")));

      assertThat(gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID).payerVerified()).isTrue();
    }

    @Test
    void aSetupTokenThePayerDidNotApproveIsRefusedWithPayPalsIssue() {
      stubPaymentToken(
          json(
              422,
              unprocessable(
                  "PAYER_ACTION_REQUIRED",
                  "Please make sure setup up token is approved. Token " + SETUP_TOKEN)));

      Throwable thrown = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown).isInstanceOf(PayPalRefusedException.class);
      PayPalRefusedException refused = (PayPalRefusedException) thrown;
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.issue()).isEqualTo("PAYER_ACTION_REQUIRED");
      assertThat(messages(thrown)).doesNotContain(SETUP_TOKEN, REQUEST_ID, ACCESS_TOKEN);
    }

    @Test
    void aSetupTokenUsedBeforeIsRefusedWithPayPalsIssue() {
      stubPaymentToken(
          json(
              422,
              unprocessable(
                  "SETUP_TOKEN_ALREADY_TOKENIZED",
                  "The setup token has been used previously to generate a payment token.")));

      assertThatThrownBy(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID))
          .isInstanceOfSatisfying(
              PayPalRefusedException.class,
              refused -> assertThat(refused.issue()).isEqualTo("SETUP_TOKEN_ALREADY_TOKENIZED"));
    }

    @Test
    void anIssueThatIsNotAPlainCodeIsLeftOut() {
      stubPaymentToken(json(400, unprocessable("bad " + SETUP_TOKEN, "x")));

      assertThatThrownBy(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID))
          .isInstanceOfSatisfying(
              PayPalRefusedException.class,
              refused -> {
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.issue()).isNull();
                assertThat(refused.getMessage()).doesNotContain(SETUP_TOKEN);
              });
    }

    @Test
    void aServerErrorIsUnavailableAndTheRetrySendsTheSameRequestId() {
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .inScenario("lost")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(json(500, INTERNAL_SERVER_ERROR))
              .willSetStateTo("up"));
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .inScenario("lost")
              .whenScenarioStateIs("up")
              .willReturn(json(200, paymentToken(null))));

      Throwable first = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));
      PaymentToken second = gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);

      assertThat(first).isInstanceOf(PayPalUnavailableException.class);
      assertThat(first.getMessage()).contains("500", "INTERNAL_SERVER_ERROR", "90957fca61718");
      assertThat(messages(first)).doesNotContain(SETUP_TOKEN, REQUEST_ID, ACCESS_TOKEN);
      assertThat(second.id()).isEqualTo(PAYMENT_TOKEN);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.getHeader("PayPal-Request-Id")).isEqualTo(REQUEST_ID));
    }

    @Test
    void tooManyRequestsIsUnavailable() {
      stubPaymentToken(
          json(
              429,
              """
              {"name": "RATE_LIMIT_REACHED", "message": "Too many requests.",
                "debug_id": "3f1e2d4c5b6a7"}"""));

      assertThatThrownBy(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID))
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("RATE_LIMIT_REACHED");
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnavailable() {
      stubPaymentToken(json(201, paymentToken(null)).withFixedDelay(6_000));

      long started = System.nanoTime();
      Throwable thrown = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown)
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("did not answer");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(5_000));
      // the answer may still come: the caller's retry with the same request id finds it
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(1);
    }

    @Test
    void aDroppedConnectionIsSentOnceMoreWithTheSameRequestId() {
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .inScenario("stale connection")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
              .willSetStateTo("fresh"));
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .inScenario("stale connection")
              .whenScenarioStateIs("fresh")
              .willReturn(json(201, paymentToken(null))));

      assertThat(gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID).id()).isEqualTo(PAYMENT_TOKEN);

      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.getHeader("PayPal-Request-Id")).isEqualTo(REQUEST_ID));
    }

    @Test
    void aConnectionDroppedTwiceIsUnavailable() {
      stubPaymentToken(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

      Throwable thrown = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown)
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("could not be reached");
      assertThat(messages(thrown)).doesNotContain(SETUP_TOKEN, REQUEST_ID, ACCESS_TOKEN);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(2);
    }

    @Test
    void nobodyListeningIsUnavailable() throws Exception {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      PayPalVaultGateway unreachable = gateway(URI.create("http://127.0.0.1:" + closedPort));

      Throwable thrown =
          catchThrowable(() -> unreachable.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown).isInstanceOf(PayPalUnavailableException.class);
      assertThat(messages(thrown)).doesNotContain(CLIENT_ID, CLIENT_SECRET, SETUP_TOKEN);
    }
  }

  @Nested
  class DeletingPaymentTokens {

    @Test
    void deletesThePaymentToken() {
      paypal.stubFor(
          delete(urlPathEqualTo("/v3/vault/payment-tokens/" + PAYMENT_TOKEN))
              .willReturn(aResponse().withStatus(204)));

      gateway.deletePaymentToken(PAYMENT_TOKEN);

      LoggedRequest request =
          only(deleteRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens/" + PAYMENT_TOKEN)));
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void aPaymentTokenPayPalNoLongerKnowsIsNoError() {
      paypal.stubFor(
          delete(urlPathEqualTo("/v3/vault/payment-tokens/" + PAYMENT_TOKEN))
              .willReturn(
                  json(
                      404,
                      """
                      {"name": "RESOURCE_NOT_FOUND", "details": [{"issue": "INVALID_RESOURCE_ID",
                        "description": "Specified resource ID does not exist."}],
                        "message": "The specified resource does not exist.",
                        "debug_id": "c5d6e7f8a9b0c"}""")));

      gateway.deletePaymentToken(PAYMENT_TOKEN);

      assertThat(
              paypal.findAll(
                  deleteRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens/" + PAYMENT_TOKEN))))
          .hasSize(1);
    }

    @Test
    void aServerErrorIsUnavailable() {
      paypal.stubFor(
          delete(urlPathEqualTo("/v3/vault/payment-tokens/" + PAYMENT_TOKEN))
              .willReturn(json(503, INTERNAL_SERVER_ERROR)));

      assertThatThrownBy(() -> gateway.deletePaymentToken(PAYMENT_TOKEN))
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("503")
          .hasMessageNotContaining(PAYMENT_TOKEN);
    }

    @Test
    void anIdThatIsNoVaultIdIsRefusedBeforeAnyRequest() {
      assertThatThrownBy(() -> gateway.deletePaymentToken("../setup-tokens/" + SETUP_TOKEN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(SETUP_TOKEN);
      assertThat(paypal.getAllServeEvents()).isEmpty();
    }
  }

  @Nested
  class AccessToken {

    @Test
    void isAskedForWithTheClientCredentials() {
      stubSetupToken(json(201, setupToken()));

      gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID);

      LoggedRequest request = only(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")));
      assertThat(request.getHeader("Authorization"))
          .isEqualTo(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
      assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(request.getBodyAsString()).isEqualTo("grant_type=client_credentials");
      assertThat(request.containsHeader("PayPal-Request-Id")).isFalse();
    }

    @Test
    void oneTokenServesCallAfterCall() {
      stubSetupToken(json(201, setupToken()));
      stubPaymentToken(json(201, paymentToken(null)));

      gateway.createSetupToken(RETURN_URL, CANCEL_URL, REQUEST_ID);
      gateway.createPaymentToken(SETUP_TOKEN, "paym_01J9ZQ:complete");
      clock.advance(Duration.ofHours(8));
      gateway.createPaymentToken(SETUP_TOKEN, "paym_01J9ZQ:complete");

      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(1);
    }

    @Test
    void isRenewedAMinuteBeforePayPalLetsItExpire() {
      paypal.stubFor(
          post(urlPathEqualTo("/v1/oauth2/token"))
              .willReturn(json(200, oauthToken(ACCESS_TOKEN, 3600))));
      stubPaymentToken(json(201, paymentToken(null)));

      gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);
      clock.advance(Duration.ofSeconds(3600 - 61));
      gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(1);

      clock.advance(Duration.ofSeconds(2));
      gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(2);
    }

    @Test
    void callsAtOnceWaitForOneRenewal() throws Exception {
      paypal.stubFor(
          post(urlPathEqualTo("/v1/oauth2/token"))
              .willReturn(json(200, oauthToken(ACCESS_TOKEN, 32400)).withFixedDelay(200)));
      stubPaymentToken(json(201, paymentToken(null)));

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<PaymentToken>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));
        }
        for (Future<PaymentToken> done : pool.invokeAll(calls)) {
          assertThat(done.get().id()).isEqualTo(PAYMENT_TOKEN);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(1);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(8);
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallSentAgainWithTheSameRequestId() {
      stubRenewal();
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
              .willReturn(json(401, AUTHENTICATION_FAILURE)));
      paypal.stubFor(
          post(urlPathEqualTo("/v3/vault/payment-tokens"))
              .withHeader("Authorization", equalTo("Bearer " + RENEWED_TOKEN))
              .willReturn(json(201, paymentToken(null))));

      PaymentToken token = gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);

      assertThat(token.id()).isEqualTo(PAYMENT_TOKEN);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(2);
      List<LoggedRequest> attempts =
          paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens")));
      assertThat(attempts)
          .extracting(r -> r.getHeader("Authorization"))
          .containsExactly("Bearer " + ACCESS_TOKEN, "Bearer " + RENEWED_TOKEN);
      assertThat(attempts)
          .allSatisfy(r -> assertThat(r.getHeader("PayPal-Request-Id")).isEqualTo(REQUEST_ID));

      // the renewed token is kept for the next call
      gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(2);
    }

    @Test
    void aRenewedTokenRefusedAgainIsUnavailableAfterOneRetry() {
      stubRenewal();
      stubPaymentToken(json(401, AUTHENTICATION_FAILURE));

      Throwable thrown = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown)
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("401")
          .hasMessageContaining("AUTHENTICATION_FAILURE");
      assertThat(messages(thrown))
          .doesNotContain(ACCESS_TOKEN, RENEWED_TOKEN, CLIENT_SECRET, CLIENT_ID, SETUP_TOKEN);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(2);
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .hasSize(2);
    }

    @Test
    void refusedClientCredentialsAreUnavailableAndNotRepeated() {
      paypal.stubFor(
          post(urlPathEqualTo("/v1/oauth2/token")).willReturn(json(401, INVALID_CLIENT)));

      Throwable thrown = catchThrowable(() -> gateway.createPaymentToken(SETUP_TOKEN, REQUEST_ID));

      assertThat(thrown)
          .isInstanceOf(PayPalUnavailableException.class)
          .hasMessageContaining("INVALID_CLIENT");
      assertThat(messages(thrown))
          .doesNotContain(
              CLIENT_ID,
              CLIENT_SECRET,
              Base64.getEncoder()
                  .encodeToString(
                      (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
      assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v3/vault/payment-tokens"))))
          .isEmpty();
    }

    private void stubRenewal() {
      paypal.stubFor(
          post(urlPathEqualTo("/v1/oauth2/token"))
              .inScenario("renewal")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(json(200, oauthToken(ACCESS_TOKEN, 32400)))
              .willSetStateTo("renewed"));
      paypal.stubFor(
          post(urlPathEqualTo("/v1/oauth2/token"))
              .inScenario("renewal")
              .whenScenarioStateIs("renewed")
              .willReturn(json(200, oauthToken(RENEWED_TOKEN, 32400))));
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static void stubSetupToken(ResponseDefinitionBuilder answer) {
    paypal.stubFor(
        post(urlPathEqualTo("/v3/vault/setup-tokens"))
            .withHeader("PayPal-Request-Id", equalTo(REQUEST_ID))
            .willReturn(answer));
  }

  private static void stubPaymentToken(ResponseDefinitionBuilder answer) {
    paypal.stubFor(post(urlPathEqualTo("/v3/vault/payment-tokens")).willReturn(answer));
  }

  private static LoggedRequest only(RequestPatternBuilder pattern) {
    List<LoggedRequest> requests = paypal.findAll(pattern);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** The body is exactly this JSON (member order and spacing aside). */
  static void assertJson(String actual, String expected) {
    assertThat(equalToJson(expected).match(actual).isExactMatch())
        .as("%s%nis the JSON%n%s", actual, expected)
        .isTrue();
  }
}
