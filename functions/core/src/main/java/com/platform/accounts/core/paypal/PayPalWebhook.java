package com.platform.accounts.core.paypal;

/**
 * A webhook delivery as PayPal sent it: the {@code PAYPAL-TRANSMISSION-*}, {@code PAYPAL-CERT-URL}
 * and {@code PAYPAL-AUTH-ALGO} headers, and the body exactly as received (the signature covers its
 * bytes).
 */
public record PayPalWebhook(
    String transmissionId,
    String transmissionTime,
    String transmissionSig,
    String certUrl,
    String authAlgo,
    String body) {
  @Override
  public String toString() {
    return "PayPalWebhook[" + transmissionId + "]";
  }
}
