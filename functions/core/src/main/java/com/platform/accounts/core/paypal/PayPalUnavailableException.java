package com.platform.accounts.core.paypal;

/**
 * PayPal did not answer, timed out or failed on its side (5xx, a refused access token after one
 * renewal): the same call with the same request id may be made again later, and then has one
 * effect.
 */
public final class PayPalUnavailableException extends RuntimeException {
  public PayPalUnavailableException(String message) {
    super(message);
  }

  public PayPalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
