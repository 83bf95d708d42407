package com.platform.accounts.core.paypal;

/**
 * What a PayPal webhook says, as read from its body: the event's id, its type (e.g. {@code
 * VAULT.PAYMENT-TOKEN.DELETED}) and the id of the resource it is about (for vault events, the
 * payment token). Fields PayPal left out are null.
 */
public record PayPalEvent(String id, String eventType, String resourceId) {
  /** A payment token was deleted at PayPal: the billing agreement has ended. */
  public static final String PAYMENT_TOKEN_DELETED = "VAULT.PAYMENT-TOKEN.DELETED";

  @Override
  public String toString() {
    return "PayPalEvent[" + id + ", " + eventType + "]";
  }
}
