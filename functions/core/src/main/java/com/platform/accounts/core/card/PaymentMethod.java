package com.platform.accounts.core.card;

import java.time.Instant;
import java.util.Optional;

/**
 * A payment method of an account. Cards carry {@code card} and {@code check}; {@code version} is
 * the optimistic-locking counter of the stored item.
 */
public record PaymentMethod(
    String paymentMethodId,
    String accountId,
    PaymentMethodType type,
    PaymentMethodStatus status,
    StoredCard card,
    OwnershipCheck check,
    Instant createdAt,
    long version) {

  public enum PaymentMethodType {
    CARD,
    PAYPAL
  }

  public PaymentMethod withStatus(PaymentMethodStatus newStatus) {
    return new PaymentMethod(
        paymentMethodId, accountId, type, newStatus, card, check, createdAt, version);
  }

  public PaymentMethod withCheck(OwnershipCheck newCheck) {
    return new PaymentMethod(
        paymentMethodId, accountId, type, status, card, newCheck, createdAt, version);
  }

  /**
   * When the expire-holds job must look at this card: its charges' release time while they stand,
   * then, while it is still pending, the end of its verification window. Empty when nothing is due.
   */
  public Optional<Instant> dueAt() {
    if (check == null) {
      return Optional.empty();
    }
    if (!check.released()) {
      return Optional.ofNullable(check.releaseDueAt());
    }
    return status == PaymentMethodStatus.PENDING_VERIFICATION
        ? Optional.ofNullable(check.expiresAt())
        : Optional.empty();
  }

  /** Holds the card number and the account's one card slot while pending or verified. */
  public boolean holdsCardSlot() {
    return type == PaymentMethodType.CARD
        && (status == PaymentMethodStatus.PENDING_VERIFICATION
            || status == PaymentMethodStatus.VERIFIED);
  }

  /** Shown to the account: a removed method (or a declined card, which is removed) is not. */
  public boolean isListed() {
    return status != PaymentMethodStatus.REMOVED;
  }
}
