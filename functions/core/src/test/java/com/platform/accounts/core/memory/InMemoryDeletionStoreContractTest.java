package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.DeletionStoreContract;
import com.platform.accounts.core.due.DueShards;
import java.time.Clock;

class InMemoryDeletionStoreContractTest extends DeletionStoreContract {
  @Override
  protected Table newTable(Clock clock, DueShards shards) {
    InMemoryTable table = new InMemoryTable(clock, shards);
    return new Table(table.deletions(), table.dueIndex());
  }
}
