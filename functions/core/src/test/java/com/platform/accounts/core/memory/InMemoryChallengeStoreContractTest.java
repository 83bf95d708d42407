package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.ChallengeStoreContract;
import com.platform.accounts.core.port.ChallengeStore;
import java.time.Clock;

class InMemoryChallengeStoreContractTest extends ChallengeStoreContract {
  @Override
  protected ChallengeStore newStore(Clock clock) {
    return new InMemoryTable(clock).challenges();
  }
}
