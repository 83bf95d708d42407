package com.platform.accounts.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.platform.accounts.payments.PayPalFixtures.ACCESS_TOKEN;
import static com.platform.accounts.payments.PayPalFixtures.CLIENT_ID;
import static com.platform.accounts.payments.PayPalFixtures.CLIENT_SECRET;
import static com.platform.accounts.payments.PayPalFixtures.INTERNAL_SERVER_ERROR;
import static com.platform.accounts.payments.PayPalFixtures.json;
import static com.platform.accounts.payments.PayPalFixtures.oauthToken;
import static com.platform.accounts.payments.PayPalFixtures.setupToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PayPalWebhook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook signature check against an in-process WireMock standing in for PayPal's {@code
 * verify-webhook-signature} API.
 */
class PayPalWebhookSignatureVerifierTest {

  private static final String WEBHOOK_ID = "1JE4291016473214C";
  private static final String VERIFY = "/v1/notifications/verify-webhook-signature";

  /**
   * A delivery as PayPal sends it, with what a parse-and-write would change: a number's trailing
   * zero, an escaped slash and a unicode escape, and PayPal's own spacing.
   */
  private static final String BODY =
      """
      {"id":"WH-7YX49823S2290830K-0JE13296W68552352","event_version":"1.0",\
      "create_time":"2026-11-27T22:41:28.032Z","resource_type":"payment_token",\
      "event_type":"VAULT.PAYMENT-TOKEN.DELETED","summary":"A payment token was deleted",\
      "resource":{"id":"8kk8451t","amount":7.470,"note":"caf\\u00e9 \\/ ok"},\
      "links":[{"href":"https:\\/\\/api-m.paypal.com\\/v1\\/notifications\\/webhooks-events\\/WH-7YX49823S2290830K-0JE13296W68552352","rel":"self","method":"GET"}]}""";

  private static final PayPalWebhook DELIVERY =
      new PayPalWebhook(
          "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
          "2026-11-27T22:41:29Z",
          "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0w==",
          "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77",
          "SHA256withRSA",
          BODY);

  private static WireMockServer paypal;
  private PayPalApi api;
  private PayPalWebhookSignatureVerifier verifier;

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
    api =
        new PayPalApi(
            CLIENT_ID, CLIENT_SECRET, URI.create(paypal.baseUrl()), Duration.ofSeconds(2));
    verifier = new PayPalWebhookSignatureVerifier(api, WEBHOOK_ID);
    paypal.stubFor(
        post(urlPathEqualTo("/v1/oauth2/token"))
            .willReturn(json(200, oauthToken(ACCESS_TOKEN, 32400))));
  }

  @Test
  void aSignaturePayPalConfirmsIsGenuine() {
    stubVerify(200, "{\"verification_status\": \"SUCCESS\"}");

    assertThat(verifier.verify(DELIVERY)).isTrue();

    LoggedRequest request = only(VERIFY);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    PayPalVaultGatewayTest.assertJson(
        request.getBodyAsString(),
        """
        {
          "auth_algo": "SHA256withRSA",
          "cert_url": "%s",
          "transmission_id": "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
          "transmission_sig": "%s",
          "transmission_time": "2026-11-27T22:41:29Z",
          "webhook_id": "%s",
          "webhook_event": %s
        }"""
            .formatted(DELIVERY.certUrl(), DELIVERY.transmissionSig(), WEBHOOK_ID, BODY));
  }

  @Test
  void theEventGoesBackByteForByteAsItCame() {
    stubVerify(200, "{\"verification_status\": \"SUCCESS\"}");

    verifier.verify(DELIVERY);

    assertThat(only(VERIFY).getBodyAsString()).contains("\"webhook_event\":" + BODY + "}");
  }

  @Test
  void aSignaturePayPalRejectsIsNotGenuine() {
    stubVerify(200, "{\"verification_status\": \"FAILURE\"}");

    assertThat(verifier.verify(DELIVERY)).isFalse();
  }

  @Test
  void aDeliveryWithoutEverySignatureHeaderIsRejectedWithoutAskingPayPal() {
    stubVerify(200, "{\"verification_status\": \"SUCCESS\"}");

    for (PayPalWebhook incomplete :
        List.of(
            new PayPalWebhook(
                null,
                DELIVERY.transmissionTime(),
                DELIVERY.transmissionSig(),
                DELIVERY.certUrl(),
                DELIVERY.authAlgo(),
                BODY),
            new PayPalWebhook(
                DELIVERY.transmissionId(),
                "",
                DELIVERY.transmissionSig(),
                DELIVERY.certUrl(),
                DELIVERY.authAlgo(),
                BODY),
            new PayPalWebhook(
                DELIVERY.transmissionId(),
                DELIVERY.transmissionTime(),
                " ",
                DELIVERY.certUrl(),
                DELIVERY.authAlgo(),
                BODY),
            new PayPalWebhook(
                DELIVERY.transmissionId(),
                DELIVERY.transmissionTime(),
                DELIVERY.transmissionSig(),
                null,
                DELIVERY.authAlgo(),
                BODY),
            new PayPalWebhook(
                DELIVERY.transmissionId(),
                DELIVERY.transmissionTime(),
                DELIVERY.transmissionSig(),
                DELIVERY.certUrl(),
                null,
                BODY))) {
      assertThat(verifier.verify(incomplete)).as("%s", incomplete).isFalse();
    }
    assertThat(paypal.getAllServeEvents()).isEmpty();
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIsRejectedWithoutAskingPayPal() {
    stubVerify(200, "{\"verification_status\": \"SUCCESS\"}");

    for (String body :
        List.of("", "not json", "[1, 2]", BODY + ", \"webhook_id\": \"OTHER\"", BODY + " {}")) {
      assertThat(verifier.verify(withBody(body))).as(body).isFalse();
    }
    assertThat(paypal.getAllServeEvents()).isEmpty();
  }

  @Test
  void aHeaderPayPalWillNotCheckIsNotGenuine() {
    stubVerify(
        400,
        """
        {"name": "VALIDATION_ERROR", "message": "Invalid request - see details",
          "debug_id": "a1b2c3d4e5f6a", "details": [{"field": "cert_url",
          "location": "body", "issue": "INVALID_CERT_URL"}]}""");

    assertThat(verifier.verify(DELIVERY)).isFalse();
  }

  @Test
  void payPalFailingIsUnavailable() {
    stubVerify(503, INTERNAL_SERVER_ERROR);

    assertThatThrownBy(() -> verifier.verify(DELIVERY))
        .isInstanceOf(PayPalUnavailableException.class)
        .hasMessageContaining("503")
        .hasMessageNotContaining(ACCESS_TOKEN);
  }

  @Test
  void sharesTheAccessTokenWithTheVaultGateway() {
    stubVerify(200, "{\"verification_status\": \"SUCCESS\"}");
    paypal.stubFor(
        post(urlPathEqualTo("/v3/vault/setup-tokens")).willReturn(json(201, setupToken())));
    PayPalVaultGateway gateway = new PayPalVaultGateway(api, null);

    gateway.createSetupToken(
        "https://app.example.com/return", "https://app.example.com/cancel", "paym_01J9ZQ:setup");
    verifier.verify(DELIVERY);

    assertThat(paypal.findAll(postRequestedFor(urlPathEqualTo("/v1/oauth2/token")))).hasSize(1);
  }

  @Test
  void aWebhookIdPayPalNeverIssuesIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new PayPalWebhookSignatureVerifier(api, "1JE4-2910\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static PayPalWebhook withBody(String body) {
    return new PayPalWebhook(
        DELIVERY.transmissionId(),
        DELIVERY.transmissionTime(),
        DELIVERY.transmissionSig(),
        DELIVERY.certUrl(),
        DELIVERY.authAlgo(),
        body);
  }

  private static void stubVerify(int status, String body) {
    paypal.stubFor(post(urlPathEqualTo(VERIFY)).willReturn(json(status, body)));
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> requests = paypal.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
