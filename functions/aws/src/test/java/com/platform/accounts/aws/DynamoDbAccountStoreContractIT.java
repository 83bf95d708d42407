package com.platform.accounts.aws;

import com.platform.accounts.core.contract.AccountStoreContract;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The AccountStore contract against DynamoDB in the emulator. */
class DynamoDbAccountStoreContractIT extends AccountStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected Stores newStores(Clock clock) {
    DynamoDbTable table = tables.create(clock);
    return new Stores(table.accounts(), table.challenges());
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
