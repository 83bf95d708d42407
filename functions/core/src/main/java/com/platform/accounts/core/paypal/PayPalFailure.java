package com.platform.accounts.core.paypal;

/**
 * Why a PayPal link FAILED: the {@code code} of the return's redirect and the method's {@code
 * failureCode}. Not a problem of a request: the request that comes back from PayPal succeeds.
 */
public enum PayPalFailure {
  /** The payer's PayPal account has no confirmed bank account or card. */
  PAYPAL_ACCOUNT_UNVERIFIED,
  /** Nobody came back from PayPal within the approval window. */
  PAYPAL_APPROVAL_EXPIRED,
  /** PayPal refused to make the agreement of an approved setup token. */
  PAYPAL_LINK_FAILED
}
