package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.AccountStoreContract;
import java.time.Clock;

class InMemoryAccountStoreContractTest extends AccountStoreContract {
  @Override
  protected Stores newStores(Clock clock) {
    InMemoryTable table = new InMemoryTable(clock);
    return new Stores(table.accounts(), table.challenges());
  }
}
