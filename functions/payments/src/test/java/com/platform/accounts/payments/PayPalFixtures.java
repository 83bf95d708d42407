package com.platform.accounts.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * PayPal's answers as its API reference documents them (OAuth 2.0 token, Vault v3 setup and payment
 * tokens, error bodies), for the adapters' WireMock tests.
 */
final class PayPalFixtures {

  static final String CLIENT_ID = "AYSq3RDGsmBLJE-otTkBtM-jBRd1TCQwFf9RGfwddNXWz0uFU9ztymylOhRS";
  static final String CLIENT_SECRET =
      "EGnHDxD_qRPdaLdZz8iCr8N7_MzF-YHPTkjs6NKYQvQSBngp4PTTVWkPZRbL";
  static final String ACCESS_TOKEN =
      "A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg";
  static final String RENEWED_TOKEN =
      "A21AAGhW0R1S7kLxZqV3e5bTQp9Y2cN4mUjK8dF6sHa1oPiXwEr3tZyBv7nM0lQ2gC5xD9fJ4kS6hT8uA1wR3eY7iO0pL";
  static final String SETUP_TOKEN = "5C991763VB2781612";
  static final String PAYMENT_TOKEN = "8kk8451t";
  static final String PAYER_ID = "VYWK67NSD3QAG";
  static final String PAYER_EMAIL = "john.doe@example.com";
  static final String APPROVE_URL =
      "https://www.sandbox.paypal.com/agreements/approve?approval_session_id=" + SETUP_TOKEN;

  private PayPalFixtures() {}

  static String oauthToken(String accessToken, long expiresIn) {
    return """
        {
          "scope": "https://uri.paypal.com/services/vault/payment-tokens/readwrite https://uri.paypal.com/services/vault/payment-tokens/read https://uri.paypal.com/services/applications/webhooks",
          "access_token": "%s",
          "token_type": "Bearer",
          "app_id": "APP-80W284485P519543T",
          "expires_in": %d,
          "nonce": "2026-11-27T22:53:20ZvCd0XqS7u9aY0uH7mJ3N4rS6cT8fG2bK1lP5oE9wQ3"
        }"""
        .formatted(accessToken, expiresIn);
  }

  /** A setup token waiting for the payer, its approve link after the self link. */
  static String setupToken() {
    return """
        {
          "id": "%s",
          "customer": {"id": "customer_4029352050"},
          "status": "PAYER_ACTION_REQUIRED",
          "payment_source": {
            "paypal": {
              "usage_pattern": "UNSCHEDULED_PREPAID",
              "permit_multiple_payment_tokens": false,
              "usage_type": "MERCHANT",
              "customer_type": "CONSUMER"
            }
          },
          "links": [
            {"href": "https://api-m.sandbox.paypal.com/v3/vault/setup-tokens/%s", "rel": "self",
              "method": "GET", "encType": "application/json"},
            {"href": "%s", "rel": "approve", "method": "GET", "encType": "application/json"}
          ]
        }"""
        .formatted(SETUP_TOKEN, SETUP_TOKEN, APPROVE_URL);
  }

  /** A PayPal wallet payment token; {@code accountStatus} null leaves the field out. */
  static String paymentToken(String accountStatus) {
    String status = accountStatus == null ? "" : "\"account_status\": \"" + accountStatus + "\",\n";
    return """
        {
          "id": "%s",
          "customer": {"id": "customer_4029352050"},
          "payment_source": {
            "paypal": {
              "usage_pattern": "UNSCHEDULED_PREPAID",
              "permit_multiple_payment_tokens": false,
              "usage_type": "MERCHANT",
              "customer_type": "CONSUMER",
              "email_address": "%s",
              "payer_id": "%s",
              %s"name": {"given_name": "John", "surname": "Doe"}
            }
          },
          "links": [
            {"rel": "self", "href": "https://api-m.sandbox.paypal.com/v3/vault/payment-tokens/%s",
              "method": "GET", "encType": "application/json"},
            {"rel": "delete", "href": "https://api-m.sandbox.paypal.com/v3/vault/payment-tokens/%s",
              "method": "DELETE", "encType": "application/json"}
          ]
        }"""
        .formatted(PAYMENT_TOKEN, PAYER_EMAIL, PAYER_ID, status, PAYMENT_TOKEN, PAYMENT_TOKEN);
  }

  static String unprocessable(String issue, String description) {
    return """
        {
          "name": "UNPROCESSABLE_ENTITY",
          "details": [{"issue": "%s", "description": "%s"}],
          "message": "The requested action could not be performed, semantically incorrect, or failed business validation.",
          "debug_id": "b3c7b5b0e3f5a",
          "links": [{"href": "https://developer.paypal.com/api/payment-tokens/v3/errors/%s",
            "rel": "information_link", "method": "GET"}]
        }"""
        .formatted(issue, description, issue.toLowerCase(Locale.ROOT));
  }

  static final String AUTHENTICATION_FAILURE =
      """
      {
        "name": "AUTHENTICATION_FAILURE",
        "message": "Authentication failed due to invalid authentication credentials or a missing Authorization header.",
        "links": [{"href": "https://developer.paypal.com/docs/api/overview/#error",
          "rel": "information_link"}]
      }""";

  static final String INTERNAL_SERVER_ERROR =
      """
      {"name": "INTERNAL_SERVER_ERROR", "message": "An internal server error has occurred.",
        "debug_id": "90957fca61718",
        "links": [{"href": "https://developer.paypal.com/docs/api/overview/#error",
          "rel": "information_link"}]}""";

  static final String INVALID_CLIENT =
      """
      {"error": "invalid_client", "error_description": "Client Authentication failed"}""";

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Paypal-Debug-Id", "f1f6c2c8e3b4a")
        .withBody(body);
  }

  /** Every message in a throwable's cause chain, and its string form. */
  static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-27T22:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
