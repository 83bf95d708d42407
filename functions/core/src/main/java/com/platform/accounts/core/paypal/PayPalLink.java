package com.platform.accounts.core.paypal;

import java.time.Duration;
import java.time.Instant;

/**
 * A PayPal payment method's link to PayPal (Vault v3): the setup token the payer approves, the
 * keyed HMAC of the single-use {@code state} the return carries, where the browser goes back to,
 * and, once PayPal's payment token (the billing agreement) exists, its id and the payer.
 *
 * @param setupTokenId PayPal's setup token: the {@code token} of the approval URL and the return
 * @param stateHash HMAC of the return's {@code state}; null once a return used it
 * @param approvalExpiresAt when an attempt nobody returned from is given up (3 hours)
 * @param returnUrl the frontend page the browser is sent back to after approval
 * @param cancelUrl the frontend page the browser is sent back to after a cancel at PayPal
 * @param returnedAt when the payer came back approved (the state was used); null before
 * @param paymentTokenId PayPal's payment token once the agreement exists; null before
 * @param payerEmail the PayPal account's email, as PayPal tells it; null before
 * @param failureCode why the link failed ({@code PAYPAL_ACCOUNT_UNVERIFIED}, {@code
 *     PAYPAL_APPROVAL_EXPIRED}, {@code PAYPAL_REFUSED}); null otherwise
 * @param notifiedAt when the owner was told that PayPal is linked; null before
 */
public record PayPalLink(
    String setupTokenId,
    String stateHash,
    Instant approvalExpiresAt,
    String returnUrl,
    String cancelUrl,
    Instant returnedAt,
    String paymentTokenId,
    String payerEmail,
    String failureCode,
    Instant notifiedAt) {

  /** How long a payer has to approve at PayPal and come back. */
  public static final Duration APPROVAL_WINDOW = Duration.ofHours(3);

  /**
   * How long after the return the sweep looks again at a link whose completion has not finished
   * (PayPal was down, or the workflow never ran): it completes it then, retrying with backoff.
   */
  public static final Duration COMPLETION_GRACE = Duration.ofMinutes(10);

  public static PayPalLink started(
      String setupTokenId,
      String stateHash,
      Instant approvalExpiresAt,
      String returnUrl,
      String cancelUrl) {
    return new PayPalLink(
        setupTokenId,
        stateHash,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        null,
        null,
        null,
        null,
        null);
  }

  /** The state is used: a second return with it is refused. */
  public PayPalLink returned(Instant at) {
    return new PayPalLink(
        setupTokenId,
        null,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        at,
        paymentTokenId,
        payerEmail,
        failureCode,
        notifiedAt);
  }

  /** The state is used by a cancel. */
  public PayPalLink cancelled() {
    return new PayPalLink(
        setupTokenId,
        null,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        returnedAt,
        paymentTokenId,
        payerEmail,
        failureCode,
        notifiedAt);
  }

  public PayPalLink withPaymentToken(String tokenId, String email) {
    return new PayPalLink(
        setupTokenId,
        stateHash,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        returnedAt,
        tokenId,
        email,
        failureCode,
        notifiedAt);
  }

  public PayPalLink failed(String code) {
    return new PayPalLink(
        setupTokenId,
        null,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        returnedAt,
        paymentTokenId,
        payerEmail,
        code,
        notifiedAt);
  }

  public PayPalLink notified(Instant at) {
    return new PayPalLink(
        setupTokenId,
        stateHash,
        approvalExpiresAt,
        returnUrl,
        cancelUrl,
        returnedAt,
        paymentTokenId,
        payerEmail,
        failureCode,
        at);
  }

  @Override
  public String toString() {
    // the state's hash and PayPal's tokens stay out of logs
    return "PayPalLink[returned=" + (returnedAt != null) + ", failure=" + failureCode + "]";
  }
}
