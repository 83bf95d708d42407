package com.platform.accounts.core.ledger;

import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The resource ledger: records what other services report about an account's resources and charges,
 * each event once, and reads what keeps the account from being deleted.
 */
public final class ResourceLedger {
  private final AccountStore accounts;
  private final LedgerStore ledger;

  public ResourceLedger(AccountStore accounts, LedgerStore ledger) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /**
   * Records a validated event ({@link LedgerEvents#validate}).
   *
   * @return false when an event of this id was recorded before: it has no second effect
   * @throws Problem UNKNOWN_ACCOUNT when no account has the event's id; nothing is recorded
   */
  public boolean record(LedgerEvent event) {
    // a deleted account's tombstone is still an account: a late charge or payment still counts
    if (accounts.find(event.accountId()).isEmpty()) {
      throw Problem.of(
          ErrorCode.UNKNOWN_ACCOUNT,
          "Unknown account",
          "No account has the event's accountId; the event was not recorded.");
    }
    return ledger.record(event);
  }

  /** The account's ledger as recorded (empty for an account nothing was reported about). */
  public AccountLedger ledger(String accountId) {
    return ledger.load(accountId);
  }

  /** What keeps the account from being deleted at {@code now}; empty when nothing does. */
  public List<DeletionBlocker> blockers(String accountId, Instant now) {
    return ledger.load(accountId).blockers(now);
  }
}
