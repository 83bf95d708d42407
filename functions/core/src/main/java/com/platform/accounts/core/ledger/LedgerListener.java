package com.platform.accounts.core.ledger;

/**
 * Told of each event the ledger recorded for the first time (a repeated event id is not told
 * again). The deletion listens for CHARGE_ISSUED: a deletion waiting for its final charges collects
 * them as soon as they are issued. A listener must not fail the recording: the event is recorded
 * already, and what it starts has a later path too (the finish-deletions job).
 */
@FunctionalInterface
public interface LedgerListener {
  LedgerListener NONE = event -> {};

  void recorded(LedgerEvent event);
}
