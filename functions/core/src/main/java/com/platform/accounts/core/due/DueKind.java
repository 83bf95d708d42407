package com.platform.accounts.core.due;

/**
 * What a due item asks for when it falls due; each kind has its own {@link DueWork}. Deletions are
 * to join as a kind of their own, on the same index and the same sweep.
 */
public enum DueKind {
  /** A card's charges to release (24 hours) or its verification window to close (7 days). */
  CARD_VERIFICATION,
  /** A PayPal link whose payer never came back (3 hours), or whose completion never finished. */
  PAYPAL_LINK
}
