package com.platform.accounts.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PaymentToken;
import com.platform.accounts.core.paypal.SetupToken;
import com.platform.accounts.core.port.PayPalGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@link PayPalGateway} port on PayPal's Payment Method Tokens API (Vault v3), over {@link
 * PayPalApi} (the JDK's HTTP client and Jackson; PAYPAL.md says why not PayPal's server SDK).
 *
 * <p>The setup token asks for a PayPal wallet billing agreement the merchant charges later without
 * the payer ({@code usage_type MERCHANT}), for prepaid purchases at no fixed time or amount ({@code
 * usage_pattern UNSCHEDULED_PREPAID}), one token per payer ({@code permit_multiple_payment_tokens
 * false}), without a shipping address ({@code NO_SHIPPING}). Every POST carries the caller's
 * request id as {@code PayPal-Request-Id}, so a retry after a lost answer gets PayPal's first
 * answer back instead of a second token.
 *
 * <p><b>Whether the payer is verified.</b> PayPal's Vault v3 payment token ({@code
 * payment_source.paypal}: {@code email_address}, {@code payer_id}, {@code account_id}, name,
 * address, phone) documents no verification status, nor does the setup token, whose {@code
 * payment_source.paypal} has the same shape. The field that tells it, {@code account_status}
 * ({@code VERIFIED}/{@code UNVERIFIED}: whether the payer has confirmed the financial details of
 * the account), is documented on the Orders v2 PayPal wallet only. So {@code payerVerified} is read
 * from {@code payment_source.paypal.account_status} when PayPal sends it ({@code VERIFIED} → true,
 * any other value → false), and is true when the field is absent: PayPal approved the billing
 * agreement itself, which it only does for an account it lets be charged unattended, and counting
 * absence as unverified would refuse every payer.
 */
public final class PayPalVaultGateway implements PayPalGateway {

  /** PayPal's vault ids: {@code ^[0-9a-zA-Z_-]+$}, 1 to 255 characters. */
  private static final Pattern VAULT_ID = Pattern.compile("[0-9A-Za-z_-]{1,255}");

  private final PayPalApi api;
  private final String brandName;

  /**
   * A gateway with its own access token.
   *
   * @see PayPalApi#PayPalApi(String, String, URI, Duration)
   */
  public PayPalVaultGateway(String clientId, String clientSecret, URI baseUrl, Duration timeout) {
    this(new PayPalApi(clientId, clientSecret, baseUrl, timeout), null);
  }

  /**
   * @param api PayPal's API, shared with the webhook verifier so that both use one access token
   * @param brandName the name PayPal shows the payer instead of the merchant account's; null for
   *     the account's own
   */
  public PayPalVaultGateway(PayPalApi api, String brandName) {
    this.api = Objects.requireNonNull(api, "api");
    if (brandName != null && (brandName.isBlank() || brandName.length() > 300)) {
      throw new IllegalArgumentException("a PayPal brand name is 1 to 300 characters");
    }
    this.brandName = brandName;
  }

  @Override
  public SetupToken createSetupToken(String returnUrl, String cancelUrl, String requestId) {
    requireUrl(returnUrl, "returnUrl");
    requireUrl(cancelUrl, "cancelUrl");
    ObjectNode body = PayPalApi.JSON.createObjectNode();
    ObjectNode paypal = body.putObject("payment_source").putObject("paypal");
    paypal
        .put("usage_pattern", "UNSCHEDULED_PREPAID")
        .put("usage_type", "MERCHANT")
        .put("customer_type", "CONSUMER")
        .put("permit_multiple_payment_tokens", false);
    ObjectNode experience = paypal.putObject("experience_context");
    experience
        .put("return_url", returnUrl)
        .put("cancel_url", cancelUrl)
        .put("shipping_preference", "NO_SHIPPING");
    if (brandName != null) {
      experience.put("brand_name", brandName);
    }

    PayPalApi.Answer answer =
        api.post("createSetupToken", "/v3/vault/setup-tokens", json(body), requestId);
    JsonNode token = created("createSetupToken", answer);
    String id = token.path("id").asText("");
    String approvalUrl = null;
    for (JsonNode link : token.path("links")) {
      if ("approve".equals(link.path("rel").asText())) {
        approvalUrl = link.path("href").asText(null);
      }
    }
    if (!VAULT_ID.matcher(id).matches() || approvalUrl == null || approvalUrl.isBlank()) {
      throw new PayPalUnavailableException(
          "PayPal answered createSetupToken without a setup token id and an approve link");
    }
    return new SetupToken(id, approvalUrl);
  }

  @Override
  public PaymentToken createPaymentToken(String setupTokenId, String requestId) {
    requireVaultId(setupTokenId);
    ObjectNode body = PayPalApi.JSON.createObjectNode();
    body.putObject("payment_source")
        .putObject("token")
        .put("id", setupTokenId)
        .put("type", "SETUP_TOKEN");

    PayPalApi.Answer answer =
        api.post("createPaymentToken", "/v3/vault/payment-tokens", json(body), requestId);
    JsonNode token = created("createPaymentToken", answer);
    String id = token.path("id").asText("");
    if (!VAULT_ID.matcher(id).matches()) {
      throw new PayPalUnavailableException(
          "PayPal answered createPaymentToken without a payment token id");
    }
    JsonNode paypal = token.path("payment_source").path("paypal");
    String payerId = paypal.path("payer_id").asText(null);
    if (payerId == null) {
      payerId = paypal.path("account_id").asText(null);
    }
    String email = paypal.path("email_address").asText(null);
    JsonNode status = paypal.path("account_status");
    boolean verified =
        status.isMissingNode() || status.isNull() || "VERIFIED".equals(status.asText());
    return new PaymentToken(id, payerId, email, verified);
  }

  @Override
  public void deletePaymentToken(String paymentTokenId) {
    requireVaultId(paymentTokenId);
    PayPalApi.Answer answer =
        api.delete("deletePaymentToken", "/v3/vault/payment-tokens/" + paymentTokenId);
    if (answer.status() == 404) {
      // deleted before (by an earlier attempt, by the payer at PayPal, or by PayPal)
      return;
    }
    if (answer.status() >= 300) {
      throw PayPalApi.refused(answer);
    }
  }

  /** The created (201) or replayed (200) resource, or the port's refusal. */
  private static JsonNode created(String operation, PayPalApi.Answer answer) {
    if (answer.status() == 200 || answer.status() == 201) {
      return answer.body();
    }
    if (answer.status() >= 400) {
      throw PayPalApi.refused(answer);
    }
    throw new PayPalUnavailableException(
        "PayPal answered " + operation + " with the unexpected status " + answer.status());
  }

  private static String json(JsonNode body) {
    try {
      return PayPalApi.JSON.writeValueAsString(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("a JSON tree did not serialize", impossible);
    }
  }

  private static void requireVaultId(String id) {
    if (id == null || !VAULT_ID.matcher(id).matches()) {
      // the value is not repeated: it may be a token
      throw new IllegalArgumentException("not a PayPal vault token id");
    }
  }

  private static void requireUrl(String url, String name) {
    if (url == null || url.isBlank() || url.length() > 4000) {
      throw new IllegalArgumentException(name + " must be a URL of 1 to 4000 characters");
    }
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException malformed) {
      // not chained: the parser's message quotes the URL, whose query may hold the return's state
      throw new IllegalArgumentException(name + " is not a URL");
    }
    if (!parsed.isAbsolute() || parsed.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute URL");
    }
  }
}
