package com.platform.accounts.core.card;

public enum PaymentMethodStatus {
  /** Charges placed; waiting for the owner to prove the card. */
  PENDING_VERIFICATION,
  VERIFIED,
  /**
   * A card: five wrong answers, or seven days without one; the card is refused and its number
   * freed. PayPal: the payer's account is not verified, or the approval never came back.
   */
  FAILED,
  /** PayPal: waiting for the payer to approve at PayPal and come back. */
  PENDING_APPROVAL,
  /** PayPal: the billing agreement (payment token) exists. */
  ACTIVE,
  /** PayPal: the payer cancelled at PayPal, or linked again before coming back. */
  CANCELLED,
  /** PayPal: the payment token was deleted at PayPal (the payer or PayPal ended the agreement). */
  REVOKED,
  /** Removed by the owner: the card number is free for other accounts. */
  REMOVED
}
