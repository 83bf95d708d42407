package com.platform.accounts.core.card;

import com.platform.accounts.core.paypal.PayPalLink;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment method of an account. Cards carry {@code card} and {@code check}, PayPal methods {@code
 * paypal}; {@code version} is the optimistic-locking counter of the stored item.
 */
public record PaymentMethod(
    String paymentMethodId,
    String accountId,
    PaymentMethodType type,
    PaymentMethodStatus status,
    StoredCard card,
    OwnershipCheck check,
    PayPalLink paypal,
    Instant createdAt,
    long version) {

  /** A card (or a method with nothing of PayPal's). */
  public PaymentMethod(
      String paymentMethodId,
      String accountId,
      PaymentMethodType type,
      PaymentMethodStatus status,
      StoredCard card,
      OwnershipCheck check,
      Instant createdAt,
      long version) {
    this(paymentMethodId, accountId, type, status, card, check, null, createdAt, version);
  }

  /** A PayPal method. */
  public static PaymentMethod payPal(
      String paymentMethodId,
      String accountId,
      PaymentMethodStatus status,
      PayPalLink paypal,
      Instant createdAt) {
    return new PaymentMethod(
        paymentMethodId,
        accountId,
        PaymentMethodType.PAYPAL,
        status,
        null,
        null,
        paypal,
        createdAt,
        0);
  }

  public enum PaymentMethodType {
    CARD,
    PAYPAL
  }

  public PaymentMethod withStatus(PaymentMethodStatus newStatus) {
    return new PaymentMethod(
        paymentMethodId, accountId, type, newStatus, card, check, paypal, createdAt, version);
  }

  public PaymentMethod withCheck(OwnershipCheck newCheck) {
    return new PaymentMethod(
        paymentMethodId, accountId, type, status, card, newCheck, paypal, createdAt, version);
  }

  public PaymentMethod withPayPal(PayPalLink newLink) {
    return new PaymentMethod(
        paymentMethodId, accountId, type, status, card, check, newLink, createdAt, version);
  }

  /**
   * When the expire-holds job must look at this method. A card: its charges' release time while
   * they stand, then, while it is still pending, the end of its verification window. A PayPal link
   * waiting for its payer: the end of the approval window; once the payer came back, a short grace
   * after which the sweep completes it if nothing else did. Empty when nothing is due.
   */
  public Optional<Instant> dueAt() {
    if (type == PaymentMethodType.PAYPAL) {
      if (status != PaymentMethodStatus.PENDING_APPROVAL || paypal == null) {
        return Optional.empty();
      }
      return Optional.of(
          paypal.returnedAt() == null
              ? paypal.approvalExpiresAt()
              : paypal.returnedAt().plus(PayPalLink.COMPLETION_GRACE));
    }
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

  /** Holds the account's one PayPal slot while waiting for approval or active. */
  public boolean holdsPayPalSlot() {
    return type == PaymentMethodType.PAYPAL
        && (status == PaymentMethodStatus.PENDING_APPROVAL || status == PaymentMethodStatus.ACTIVE);
  }

  /**
   * Shown to the account: a removed method (or a declined card, which is removed) is not, nor is a
   * PayPal link its owner cancelled.
   */
  public boolean isListed() {
    return status != PaymentMethodStatus.REMOVED && status != PaymentMethodStatus.CANCELLED;
  }
}
