package com.platform.accounts.core.deletion;

import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.DeletionBlocker;
import com.platform.accounts.core.money.Money;
import java.time.Instant;
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

  /** The blockers of the ledger at {@code now} ({@link AccountLedger#blockers}). */
  public static DeletionCheck of(AccountLedger ledger, Instant now) {
    List<DeletionBlocker> blockers = ledger.blockers(now);
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
