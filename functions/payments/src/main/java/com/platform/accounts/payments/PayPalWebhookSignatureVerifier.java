package com.platform.accounts.payments;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PayPalWebhook;
import com.platform.accounts.core.port.PayPalWebhookVerifier;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@link PayPalWebhookVerifier} port on PayPal's {@code POST
 * /v1/notifications/verify-webhook-signature}: PayPal checks the delivery's signature against its
 * own certificate and this service's webhook id, and answers {@code verification_status} {@code
 * SUCCESS} or {@code FAILURE}.
 *
 * <p>The delivery's body goes back as {@code webhook_event} byte for byte as it came (spliced in as
 * raw JSON after it parsed as one JSON object): the signature covers those bytes, and a body parsed
 * and written again (other number forms, escapes or spacing) would no longer match it.
 *
 * <p>A delivery without every signature header, or whose body is not one JSON object, is refused
 * without asking PayPal. A 4xx answer (PayPal refuses to check a malformed header, such as a bad
 * {@code cert_url}) is a refusal too; PayPal unreachable, 5xx or an access token refused twice is
 * {@link PayPalUnavailableException}, so the delivery is answered with an error and PayPal sends it
 * again. The call creates nothing, so it carries no {@code PayPal-Request-Id}.
 */
public final class PayPalWebhookSignatureVerifier implements PayPalWebhookVerifier {

  /** PayPal's webhook ids: {@code ^[a-zA-Z0-9]+$}, at most 50 characters. */
  private static final Pattern WEBHOOK_ID = Pattern.compile("[A-Za-z0-9]{1,50}");

  private final PayPalApi api;
  private final String webhookId;

  /**
   * @param api PayPal's API, shared with the vault gateway so that both use one access token
   * @param webhookId the id PayPal gave this service's webhook (developer dashboard)
   */
  public PayPalWebhookSignatureVerifier(PayPalApi api, String webhookId) {
    this.api = Objects.requireNonNull(api, "api");
    if (webhookId == null || !WEBHOOK_ID.matcher(webhookId).matches()) {
      throw new IllegalArgumentException("a PayPal webhook id is 1 to 50 letters and digits");
    }
    this.webhookId = webhookId;
  }

  @Override
  public boolean verify(PayPalWebhook webhook) {
    if (webhook == null
        || blank(webhook.transmissionId())
        || blank(webhook.transmissionTime())
        || blank(webhook.transmissionSig())
        || blank(webhook.certUrl())
        || blank(webhook.authAlgo())
        || !isJsonObject(webhook.body())) {
      return false;
    }
    PayPalApi.Answer answer =
        api.post(
            "verifyWebhookSignature",
            "/v1/notifications/verify-webhook-signature",
            request(webhook),
            null);
    if (answer.status() != 200) {
      return false;
    }
    String status = answer.body().path("verification_status").asText("");
    if ("SUCCESS".equals(status)) {
      return true;
    }
    if ("FAILURE".equals(status)) {
      return false;
    }
    throw new PayPalUnavailableException(
        "PayPal answered verifyWebhookSignature without a verification status");
  }

  private String request(PayPalWebhook webhook) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = PayPalApi.JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("auth_algo", webhook.authAlgo());
      json.writeStringField("cert_url", webhook.certUrl());
      json.writeStringField("transmission_id", webhook.transmissionId());
      json.writeStringField("transmission_sig", webhook.transmissionSig());
      json.writeStringField("transmission_time", webhook.transmissionTime());
      json.writeStringField("webhook_id", webhookId);
      json.writeFieldName("webhook_event");
      // checked by isJsonObject: exactly one JSON object and nothing after it
      json.writeRawValue(webhook.body());
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new IllegalStateException("writing to a string failed", impossible);
    }
    return out.toString();
  }

  private static boolean isJsonObject(String body) {
    if (blank(body)) {
      return false;
    }
    try {
      JsonNode parsed = PayPalApi.JSON.readTree(body);
      return parsed != null && parsed.isObject();
    } catch (IOException notJson) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
