package com.platform.accounts.core.card;

/** The issuer refused the charge or authorization. */
public class CardDeclinedException extends RuntimeException {
  public CardDeclinedException(String reason) {
    super(reason, null, false, false);
  }
}
