package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.LedgerStoreContract;
import com.platform.accounts.core.port.LedgerStore;
import java.time.Clock;

class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore(Clock clock) {
    return new InMemoryTable(clock).ledger();
  }
}
