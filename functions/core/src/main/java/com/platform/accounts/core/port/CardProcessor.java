package com.platform.accounts.core.port;

import com.platform.accounts.core.card.CardDetails;
import com.platform.accounts.core.money.Money;
import java.util.Optional;

/**
 * The card processor (Stripe in production, a sandbox locally). Every call that moves money takes
 * an idempotency key: a retry with the same key never places a second charge.
 *
 * <p>Failures: {@link com.platform.accounts.core.card.UnknownCardTokenException}, {@link
 * com.platform.accounts.core.card.CardDeclinedException}, {@link
 * com.platform.accounts.core.card.ProcessorUnavailableException}.
 */
public interface CardProcessor {

  CardDetails describe(String cardToken);

  /**
   * Places an authorization hold (not captured) and returns the processor's id of it.
   *
   * @param descriptor the statement descriptor, e.g. {@code INTL123456*ACMECLOUD}
   */
  String authorizeHold(String cardToken, Money amount, String descriptor, String idempotencyKey);

  /** Places a captured charge and returns the processor's id of it. */
  String charge(String cardToken, Money amount, String descriptor, String idempotencyKey);

  /**
   * The smallest amount the processor charges (Stripe: 0.50 USD); a microcharge is drawn from this
   * up to 0.99.
   */
  Money minimumCharge();

  /**
   * The id of the hold or charge placed with this idempotency key, if the processor has one: how a
   * charge whose answer was lost is found again without placing anything.
   */
  Optional<String> findCharge(String idempotencyKey);

  /** Releases an authorization hold; releasing a released hold is not an error. */
  void voidHold(String holdId, String idempotencyKey);

  /** Refunds a captured charge in full; refunding a refunded charge is not an error. */
  void refund(String chargeId, String idempotencyKey);

  /**
   * Charges a stored card without its holder present (a merchant-initiated charge, e.g. a deleted
   * account's final charge; on Stripe an off-session PaymentIntent, confirmed at once) and returns
   * the processor's id of it. The same idempotency key never charges twice. No descriptor: the
   * statement shows the merchant's name. A new attempt after a decline needs a new key: Stripe
   * answers a key it has seen with its first answer, a decline included, for 24 hours.
   *
   * @throws com.platform.accounts.core.card.CardDeclinedException the issuer declined it (also when
   *     the card asks for its holder's authentication, or was detached)
   * @throws com.platform.accounts.core.card.ProcessorUnavailableException the processor could not
   *     be reached or failed: whether it charged is unknown, a retry with the same key is safe
   */
  String chargeMerchantInitiated(String cardToken, Money amount, String idempotencyKey);

  /**
   * Detaches a stored card from the merchant, who can charge it no more; one already detached is
   * not an error.
   *
   * @throws com.platform.accounts.core.card.UnknownCardTokenException the processor has no such
   *     card
   * @throws com.platform.accounts.core.card.ProcessorUnavailableException the processor could not
   *     be reached or failed; a retry is safe
   */
  void detach(String cardToken);
}
