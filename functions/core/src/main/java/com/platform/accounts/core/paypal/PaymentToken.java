package com.platform.accounts.core.paypal;

/**
 * A PayPal payment token (the billing agreement) made from an approved setup token: its id, the
 * payer's PayPal id and email, and whether PayPal counts the payer's account as verified (it has a
 * confirmed bank account or card). An unverified payer cannot be linked.
 */
public record PaymentToken(String id, String payerId, String payerEmail, boolean payerVerified) {
  @Override
  public String toString() {
    return "PaymentToken[verified=" + payerVerified + "]";
  }
}
