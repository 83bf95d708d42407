package com.platform.accounts.core.card;

/** The account's one card slot is taken by a pending or verified card. */
public class AccountAlreadyHasCardException extends RuntimeException {
  public AccountAlreadyHasCardException() {
    super("account already has a card", null, false, false);
  }
}
