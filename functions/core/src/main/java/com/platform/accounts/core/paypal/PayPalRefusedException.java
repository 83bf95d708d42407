package com.platform.accounts.core.paypal;

/**
 * PayPal refused the call for good (a 4xx other than an expired access token): a setup token that
 * was never approved, has expired or is unknown, a payment token PayPal does not know. {@code
 * issue} is PayPal's machine-readable issue (e.g. {@code SETUP_TOKEN_NOT_APPROVED}), when it gave
 * one; it never carries a token.
 */
public final class PayPalRefusedException extends RuntimeException {
  private final int status;
  private final String issue;

  public PayPalRefusedException(int status, String issue) {
    super("PayPal refused the call: " + status + (issue == null ? "" : " " + issue));
    this.status = status;
    this.issue = issue;
  }

  public int status() {
    return status;
  }

  public String issue() {
    return issue;
  }
}
