package com.platform.accounts.core.card;

import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;

/** The problems more than one part of card verification answers with. */
final class CardProblems {
  private CardProblems() {}

  static Problem refusal(ErrorCode code, String detail) {
    return Problem.of(code, "Card refused", detail);
  }

  static Problem cardAlreadyRegistered() {
    return refusal(
        ErrorCode.CARD_ALREADY_REGISTERED, "This card is registered to another account.");
  }

  static Problem accountAlreadyHasCard() {
    return refusal(
        ErrorCode.ACCOUNT_ALREADY_HAS_CARD,
        "This account has a card already; remove it to add another.");
  }

  static Problem processorUnavailable() {
    return Problem.of(
        ErrorCode.PROCESSOR_UNAVAILABLE,
        "Card processor unavailable",
        "The card processor did not answer; retry with the same Idempotency-Key.");
  }

  static Problem notFound() {
    return Problem.notFound("The payment method");
  }

  /** An id that cannot be a payment method's is not found, without a read. */
  static void requireWellFormed(String paymentMethodId) {
    if (!Ids.looksLike(CardVerification.PREFIX, paymentMethodId)) {
      throw notFound();
    }
  }
}
