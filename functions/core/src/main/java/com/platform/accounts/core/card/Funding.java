package com.platform.accounts.core.card;

/** How a card is funded, as the processor reports it. Only credit and debit cards are accepted. */
public enum Funding {
  CREDIT,
  DEBIT,
  PREPAID,
  VIRTUAL,
  GIFT,
  UNKNOWN;

  public boolean accepted() {
    return this == CREDIT || this == DEBIT;
  }
}
