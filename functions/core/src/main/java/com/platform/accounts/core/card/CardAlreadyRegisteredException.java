package com.platform.accounts.core.card;

/**
 * The card's fingerprint is held by a payment method, of this account ({@code sameAccount}) or not.
 */
public class CardAlreadyRegisteredException extends RuntimeException {
  private final boolean sameAccount;

  public CardAlreadyRegisteredException(boolean sameAccount) {
    super("card already registered", null, false, false);
    this.sameAccount = sameAccount;
  }

  public boolean sameAccount() {
    return sameAccount;
  }
}
