package com.platform.accounts.core.paypal;

/** The account's one PayPal slot is held by another PayPal method (pending or active). */
public final class PayPalAlreadyLinkedException extends RuntimeException {
  public PayPalAlreadyLinkedException() {
    super("the account's PayPal slot is held by another payment method");
  }
}
