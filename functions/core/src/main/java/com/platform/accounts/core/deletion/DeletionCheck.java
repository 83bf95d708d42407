package com.platform.accounts.core.deletion;

import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.DeletionBlocker;
import com.platform.accounts.core.ledger.LedgerResource;
import com.platform.accounts.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an account can be deleted now, and what keeps it from being deleted (API.md, Deletion):
 * every blocker, each with what to do about it.
 */
public record DeletionCheck(boolean deletable, List<DeletionBlocker> blockers) {

  public DeletionCheck {
    blockers = List.copyOf(blockers);
  }

  /**
   * The blockers of the ledger at {@code now}: a prepaid subscription still running (active, and
   * renewing or not yet at its end), a post-paid resource still active, and charges issued and not
   * paid (their sum).
   */
  public static DeletionCheck of(AccountLedger ledger, Instant now) {
    List<DeletionBlocker> blockers = new ArrayList<>();
    for (LedgerResource r : ledger.resources()) {
      if (!r.active()) {
        continue;
      }
      if (r.billing() == Billing.POSTPAID) {
        blockers.add(DeletionBlocker.postpaidResource(r.resourceId()));
      } else if (Boolean.TRUE.equals(r.autoRenew())
          || r.endsAt() == null
          || now.isBefore(r.endsAt())) {
        blockers.add(
            DeletionBlocker.prepaidSubscription(r.resourceId(), r.autoRenew(), r.endsAt()));
      }
    }
    if (!ledger.outstandingCharges().isEmpty()) {
      blockers.add(DeletionBlocker.outstandingBalance(ledger.outstanding()));
    }
    return new DeletionCheck(blockers.isEmpty(), blockers);
  }

  /** The blockers as the API shows them (API.md): absent members left out. */
  public List<Map<String, Object>> view() {
    return blockers.stream().map(DeletionCheck::view).toList();
  }

  private static Map<String, Object> view(DeletionBlocker blocker) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("code", blocker.code().name());
    if (blocker.resourceId() != null) {
      node.put("resourceId", blocker.resourceId());
    }
    if (blocker.code() == DeletionBlocker.Code.PREPAID_SUBSCRIPTION_ACTIVE) {
      node.put("autoRenew", Boolean.TRUE.equals(blocker.autoRenew()));
    }
    if (blocker.endsAt() != null) {
      node.put("endsAt", blocker.endsAt().toString());
    }
    if (blocker.amount() != null) {
      node.put("amount", money(blocker.amount()));
    }
    node.put("action", blocker.action());
    return node;
  }

  static Map<String, String> money(Money money) {
    Map<String, String> node = new LinkedHashMap<>();
    node.put("amount", money.plain());
    node.put("currency", money.currency().getCurrencyCode());
    return node;
  }
}
