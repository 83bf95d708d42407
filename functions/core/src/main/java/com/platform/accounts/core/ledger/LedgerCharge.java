package com.platform.accounts.core.ledger;

import com.platform.accounts.core.money.Money;
import java.time.Instant;

/**
 * A charge of an account as the ledger knows it: {@code amount} once issued (null while only its
 * payment is known), {@code paid} once paid, whichever arrived first.
 */
public record LedgerCharge(
    String chargeId, Money amount, Instant issuedAt, boolean paid, Instant paidAt) {

  /** Issued and not paid: what the account owes for it. */
  public boolean outstanding() {
    return amount != null && !paid;
  }
}
