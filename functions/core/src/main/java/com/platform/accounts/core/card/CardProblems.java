package com.platform.accounts.core.card;

import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.util.List;

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

  /**
   * The token is missing, or no card can be added with it: the processor does not know it, or a
   * card was added with it already.
   */
  static Problem tokenProblem(FieldErrorCode code) {
    return Problem.validation(
        List.of(
            new FieldError("token", code, "Send the token the processor's card form returned.")));
  }

  /** A card was added with this token already (a token works once). */
  static Problem tokenUsed() {
    return Problem.validation(
        List.of(
            new FieldError(
                "token",
                FieldErrorCode.UNKNOWN_CARD_TOKEN,
                "A card token works once; have the card form tokenize the card again.")));
  }

  static Problem processorUnavailable() {
    return Problem.of(
        ErrorCode.PROCESSOR_UNAVAILABLE,
        "Card processor unavailable",
        "The card processor did not answer; try again shortly.");
  }

  /**
   * The processor failed once the card had used its token: nothing stays charged, but the token
   * works once, so the retry needs the card entered again; and the card keeps its slot until its
   * charges are known to be released (at most the processor's lookup delay plus a run of the
   * expire-holds job).
   */
  static Problem chargesNotPlaced() {
    return Problem.of(
        ErrorCode.PROCESSOR_UNAVAILABLE,
        "Card processor unavailable",
        "The card processor did not answer while the charges were placed, and nothing stays"
            + " charged. Enter the card again (a card token works once) in about 30 minutes.");
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
