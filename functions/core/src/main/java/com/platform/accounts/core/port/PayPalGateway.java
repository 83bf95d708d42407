package com.platform.accounts.core.port;

import com.platform.accounts.core.paypal.PaymentToken;
import com.platform.accounts.core.paypal.SetupToken;

/**
 * PayPal's vault (REST API v3 in production, a stand-in locally): a setup token the payer approves
 * at PayPal, then a payment token made from it, which is the billing agreement. Every call that
 * creates something takes a request id ({@code PayPal-Request-Id}): the same call with the same id
 * never creates a second one, and answers with what the first created, so an answer lost on the way
 * is found again by calling again.
 *
 * <p>Failures: {@link com.platform.accounts.core.paypal.PayPalUnavailableException} (try again with
 * the same request id), {@link com.platform.accounts.core.paypal.PayPalRefusedException} (final).
 */
public interface PayPalGateway {

  /**
   * Creates a setup token for a PayPal wallet whose approval sends the browser to {@code returnUrl}
   * (approved) or {@code cancelUrl} (cancelled), each with the setup token's id added as {@code
   * token}.
   */
  SetupToken createSetupToken(String returnUrl, String cancelUrl, String requestId);

  /**
   * Makes the payment token of an approved setup token. A setup token not (or no longer) approved
   * is refused.
   */
  PaymentToken createPaymentToken(String setupTokenId, String requestId);

  /** Deletes a payment token; one PayPal no longer knows is not an error. */
  void deletePaymentToken(String paymentTokenId);
}
