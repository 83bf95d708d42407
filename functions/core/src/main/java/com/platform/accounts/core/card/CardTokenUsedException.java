package com.platform.accounts.core.card;

/** A card was added with this token already: a token works once, even after its card is gone. */
public class CardTokenUsedException extends RuntimeException {
  public CardTokenUsedException() {
    super("card token used", null, false, false);
  }
}
