package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.DueIndexContract;
import com.platform.accounts.core.due.DueShards;
import java.time.Clock;

class InMemoryDueIndexContractTest extends DueIndexContract {
  @Override
  protected Table newTable(Clock clock, DueShards shards) {
    InMemoryTable table = new InMemoryTable(clock, shards);
    return new Table(table.paymentMethods(), table.dueIndex());
  }
}
