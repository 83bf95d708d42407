package com.platform.accounts.core.port;

import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.LedgerEvent;

/**
 * The resource ledger, one account's resources and charges under its partition. Each event id
 * counts once per account (the senders' ids are only unique to their own reports about an account):
 * recording an event whose id was recorded for the account has no effect, whatever else it says.
 * Event ids are kept for good: the ledger is a financial record. Events commute (see {@link
 * com.platform.accounts.core.ledger.LedgerResource}), so the ledger ends the same in any order of
 * arrival.
 */
public interface LedgerStore {

  /**
   * Applies an event (already validated) and remembers its id, atomically.
   *
   * @return false when an event of this id was recorded before (nothing changed)
   */
  boolean record(LedgerEvent event);

  /** The account's ledger (empty when nothing was reported); one Query. */
  AccountLedger load(String accountId);
}
