package com.platform.accounts.core.ledger;

import com.platform.accounts.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
    return total(outstandingCharges());
  }

  /** Every charge issued, in USD: the tombstone's total. */
  public Money totalCharged() {
    return total(charges.stream().filter(c -> c.amount() != null).toList());
  }

  /** Every charge issued and paid, in USD. */
  public Money totalPaid() {
    return total(charges.stream().filter(c -> c.amount() != null && c.paid()).toList());
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

  /**
   * Everything that keeps the account from being deleted at {@code now}, resources first (in the
   * order of their ids), then the outstanding balance; empty when it can be deleted. A prepaid
   * subscription runs while it is provisioned and not released, and either has no end date, ends
   * after {@code now}, or renews itself (an auto-renewing subscription past its end date was
   * renewed, even if its new end date was not reported yet).
   */
  public List<DeletionBlocker> blockers(Instant now) {
    List<DeletionBlocker> blockers = new ArrayList<>();
    for (LedgerResource r : resources) {
      if (!r.active()) {
        continue;
      }
      if (r.billing() == Billing.PREPAID) {
        if (r.endsAt() == null || r.endsAt().isAfter(now) || Boolean.TRUE.equals(r.autoRenew())) {
          blockers.add(
              DeletionBlocker.prepaidSubscription(r.resourceId(), r.autoRenew(), r.endsAt()));
        }
      } else {
        // post-paid, or a billing never reported: active means it can still be billed
        blockers.add(DeletionBlocker.postpaidResource(r.resourceId()));
      }
    }
    Money owed = outstanding();
    if (owed.amount().compareTo(BigDecimal.ZERO) > 0) {
      blockers.add(DeletionBlocker.outstandingBalance(owed));
    }
    return blockers;
  }

  /** The sum of these charges' amounts, in USD (every charge is in USD). */
  public static Money total(List<LedgerCharge> charges) {
    Money total = Money.usd("0.00");
    for (LedgerCharge charge : charges) {
      total = new Money(total.amount().add(charge.amount().amount()), total.currency());
    }
    return total;
  }
}
