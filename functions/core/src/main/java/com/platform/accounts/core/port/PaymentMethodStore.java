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
 *
 * <p>A PayPal method that {@link PaymentMethod#holdsPayPalSlot() holds its slot} holds the
 * account's PayPal slot the same way (one PayPal method per account): create throws {@link
 * com.platform.accounts.core.paypal.PayPalAlreadyLinkedException} when another holds it, and a
 * write that ends its hold frees it in the same transaction.
 *
 * <p>A card created with a {@link com.platform.accounts.core.card.StoredCard#tokenHash() token
 * hash} also writes its token's single-use record in the same transaction, conditional on there
 * being none: a token adds one card, ever. That record is never deleted, whatever becomes of the
 * card.
 */
public interface PaymentMethodStore {

  /**
   * Creates a payment method (version 0 given, 1 stored) with its uniqueness items.
   *
   * <p>When more than one item is taken, the first of this order is reported: the method's id (a
   * ConcurrentModificationException), the token, the fingerprint, the slot.
   *
   * @throws com.platform.accounts.core.card.CardTokenUsedException a card was added with the token
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

  /*
   * A card with work falling due (PaymentMethod#dueAt) is on the due-index (DueIndex) with kind
   * CARD_VERIFICATION, written with the card: a write that changes its due time moves it there, and
   * one that ends its due work takes it off.
   */

  /** Whether a card fingerprint is held, and by which account. */
  Optional<String> fingerprintOwner(String fingerprintHash);

  /** Whether a card was ever added with the token of this hash. */
  boolean cardTokenUsed(String tokenHash);

  /**
   * Points a reference at a payment method: how a PayPal return (by its state's HMAC) or a PayPal
   * webhook (by its payment token's HMAC) finds the method it is about. A reference is a pointer
   * only, written before the method names it: it may point at a method that was never written (then
   * the caller finds none). Writing a reference that exists already changes nothing.
   *
   * @param reference e.g. {@code PAYPAL_STATE#<hmac>}; never a secret in the clear
   * @param expiresAt after this the reference is gone (found as absent at once, removed by TTL
   *     later); null for one that stays
   */
  void putReference(String reference, String accountId, String paymentMethodId, Instant expiresAt);

  /** The payment method a reference points at, unless it is unknown or expired. */
  Optional<PaymentMethodRef> findReference(String reference, Instant now);

  /** Where a reference points. */
  record PaymentMethodRef(String accountId, String paymentMethodId) {}
}
