package com.platform.accounts.core.port;

import com.platform.accounts.core.paypal.PayPalWebhook;

/**
 * Whether a webhook delivery really comes from PayPal for this service's webhook: its signature
 * checked (PayPal's verify-webhook-signature API, or PayPal's certificate). Freshness is the
 * caller's check.
 *
 * @throws com.platform.accounts.core.paypal.PayPalUnavailableException when the check itself could
 *     not be made (PayPal then delivers again)
 */
public interface PayPalWebhookVerifier {
  boolean verify(PayPalWebhook webhook);
}
