package com.platform.accounts.core.paypal;

/**
 * A completion asked of a PayPal link whose payer has not come back (the return that started the
 * workflow has not recorded itself yet, or never will): the workflow waits a little and asks again,
 * then gives up without doing anything.
 */
public final class NotReturnedException extends RuntimeException {
  public NotReturnedException() {
    super("the payer has not come back from PayPal", null, false, false);
  }
}
