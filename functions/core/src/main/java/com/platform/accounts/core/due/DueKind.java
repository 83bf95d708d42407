package com.platform.accounts.core.due;

/**
 * What a due item asks for when it falls due; each kind has its own {@link DueWork}. Each job
 * sweeps the same index, finishing the kinds it has work for.
 */
public enum DueKind {
  /** A card's charges to release (24 hours) or its verification window to close (7 days). */
  CARD_VERIFICATION,
  /** A PayPal link whose payer never came back (3 hours), or whose completion never finished. */
  PAYPAL_LINK,
  /** A deletion whose final charges fall due, whose payment is retried, or whose erasure is due. */
  ACCOUNT_DELETION
}
