package com.platform.accounts.core.card;

import com.platform.accounts.core.money.Money;
import java.time.Duration;

/**
 * Card verification, the proof that a card's holder owns it, and the terms its parts share. A card
 * goes through the parts in this order:
 *
 * <ol>
 *   <li>{@link CardEligibility}: the refusals of API.md, in its order, before anything is charged;
 *   <li>{@link ChargePlacement}: a $1.00 authorization hold plus a microcharge whose descriptor
 *       carries a 6-digit code;
 *   <li>{@link OwnerAnswers}: the owner is told what to look for and answers with the code, the USD
 *       amount or the local amounts (5 tries);
 *   <li>{@link ChargeRelease}: both charges are released within 24 hours whatever happens, and a
 *       card left unanswered fails after 7 days.
 * </ol>
 *
 * <p>{@link AccountPaymentMethods} lists an account's payment methods and removes one.
 */
public final class CardVerification {
  /** The prefix of a payment method's id. */
  public static final String PREFIX = "pm";

  public static final Money HOLD = Money.usd("1.00");

  /** How long the owner has to answer. */
  public static final Duration OPEN_FOR = Duration.ofDays(7);

  private CardVerification() {}
}
