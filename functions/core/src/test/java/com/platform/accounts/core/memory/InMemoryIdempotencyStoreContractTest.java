package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.IdempotencyStoreContract;
import com.platform.accounts.core.port.IdempotencyStore;
import java.time.Clock;

class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
  @Override
  protected IdempotencyStore newStore(Clock clock) {
    return new InMemoryTable(clock).idempotency();
  }
}
