package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.RateLimitStoreContract;
import com.platform.accounts.core.port.RateLimitStore;
import java.time.Clock;

class InMemoryRateLimitStoreContractTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newStore(Clock clock) {
    return new InMemoryTable(clock).rateLimits();
  }
}
