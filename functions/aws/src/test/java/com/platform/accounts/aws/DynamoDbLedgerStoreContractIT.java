package com.platform.accounts.aws;

import com.platform.accounts.core.contract.LedgerStoreContract;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LedgerStore contract against DynamoDB in the emulator. */
class DynamoDbLedgerStoreContractIT extends LedgerStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected LedgerStore newStore(Clock clock) {
    return tables.create(clock).ledger();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
