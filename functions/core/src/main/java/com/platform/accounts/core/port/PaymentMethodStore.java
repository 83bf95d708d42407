package com.platform.accounts.core.port;

import com.platform.accounts.core.card.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Payment methods, kept under their account. A card that {@link PaymentMethod#holdsCardSlot() holds
 * its slot} also holds two uniqueness items written in the same transaction: its fingerprint (one
 * account per card number) and its account's card slot (one card per account). Writing a card that
 * no longer holds its slot (FAILED, REMOVED) deletes both items in the same transaction.
 */
public interface PaymentMethodStore {

  /**
   * Creates a payment method (version 0 given, 1 stored) with its uniqueness items.
   *
   * @throws com.platform.accounts.core.card.CardAlreadyRegisteredException fingerprint taken
   * @throws com.platform.accounts.core.card.AccountAlreadyHasCardException slot taken
   */
  void create(PaymentMethod paymentMethod);

  Optional<PaymentMethod> find(String accountId, String paymentMethodId);

  /** The account's payment methods, oldest first (one Query, no Scan). */
  List<PaymentMethod> list(String accountId);

  /**
   * Conditional on the stored version; frees the uniqueness items when the method stops holding its
   * slot.
   *
   * @throws ConcurrentModificationException when the stored version differs
   */
  void update(PaymentMethod paymentMethod);

  /**
   * Cards whose {@link PaymentMethod#dueAt()} is at or before {@code now}, oldest first: charges to
   * release, verifications to expire. Read through the sparse due-time index, so the cost grows
   * with the due items, not the table.
   */
  List<PaymentMethod> due(Instant now, int limit);

  /** Whether a card fingerprint is held, and by which account. */
  Optional<String> fingerprintOwner(String fingerprintHash);
}
