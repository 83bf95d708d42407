package com.platform.accounts.core.card;

public enum PaymentMethodStatus {
  /** Charges placed; waiting for the owner to prove the card. */
  PENDING_VERIFICATION,
  VERIFIED,
  /** Five wrong answers, or seven days without one: the card is refused and its number freed. */
  FAILED,
  /** Removed by the owner: the card number is free for other accounts. */
  REMOVED
}
