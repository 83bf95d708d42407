package com.platform.accounts.aws;

import com.platform.accounts.core.contract.ProcessedEventsContract;
import com.platform.accounts.core.port.ProcessedEvents;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ProcessedEvents contract against DynamoDB in the emulator. */
class DynamoDbProcessedEventsContractIT extends ProcessedEventsContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected ProcessedEvents newStore(Clock clock) {
    return tables.create(clock).processedEvents();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
