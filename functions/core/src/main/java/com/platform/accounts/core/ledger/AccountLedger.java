package com.platform.accounts.core.ledger;

import com.platform.accounts.core.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * Everything the ledger knows about one account: its resources and its charges. The deletion check
 * reads its blockers from here, and the tombstone of a deleted account keeps its totals.
 */
public record AccountLedger(
    String accountId, List<LedgerResource> resources, List<LedgerCharge> charges) {

  public AccountLedger {
    resources = List.copyOf(resources);
    charges = List.copyOf(charges);
  }

  public static AccountLedger empty(String accountId) {
    return new AccountLedger(accountId, List.of(), List.of());
  }

  /** The charges issued and not paid, oldest first. */
  public List<LedgerCharge> outstandingCharges() {
    return charges.stream().filter(LedgerCharge::outstanding).toList();
  }

  /** What the account owes, in USD (every charge is in USD). */
  public Money outstanding() {
    return sum(outstandingCharges());
  }

  /** Every charge issued, in USD: the tombstone's total. */
  public Money totalCharged() {
    return sum(charges.stream().filter(c -> c.amount() != null).toList());
  }

  /** Every charge issued and paid, in USD. */
  public Money totalPaid() {
    return sum(charges.stream().filter(c -> c.amount() != null && c.paid()).toList());
  }

  /** Whether a post-paid resource was active at any time since {@code since}. */
  public boolean postpaidUsedSince(Instant since) {
    return resources.stream()
        .anyMatch(
            r ->
                r.billing() == Billing.POSTPAID
                    && r.provisioned()
                    && (!r.released() || r.releasedAt() == null || r.releasedAt().isAfter(since)));
  }

  private static Money sum(List<LedgerCharge> charges) {
    Money total = Money.usd("0.00");
    for (LedgerCharge charge : charges) {
      total = new Money(total.amount().add(charge.amount().amount()), total.currency());
    }
    return total;
  }
}
