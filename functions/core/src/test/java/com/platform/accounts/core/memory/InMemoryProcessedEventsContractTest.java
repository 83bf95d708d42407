package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.ProcessedEventsContract;
import com.platform.accounts.core.port.ProcessedEvents;
import java.time.Clock;

class InMemoryProcessedEventsContractTest extends ProcessedEventsContract {
  @Override
  protected ProcessedEvents newStore(Clock clock) {
    return new InMemoryTable(clock).processedEvents();
  }
}
