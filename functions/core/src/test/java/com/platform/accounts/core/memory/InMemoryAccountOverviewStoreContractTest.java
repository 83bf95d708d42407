package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.AccountOverviewStoreContract;
import java.time.Clock;

class InMemoryAccountOverviewStoreContractTest extends AccountOverviewStoreContract {
  @Override
  protected Stores newStores(Clock clock) {
    InMemoryTable table = new InMemoryTable(clock);
    return new Stores(
        table.accounts(), table.challenges(), table.paymentMethods(), table.accountOverviews());
  }
}
