package com.platform.accounts.aws;

import com.platform.accounts.core.contract.DeletionStoreContract;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DeletionStore contract against DynamoDB in the emulator. */
class DynamoDbDeletionStoreContractIT extends DeletionStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected Table newTable(Clock clock, DueShards shards) {
    DynamoDbTable table = tables.create(clock, shards);
    return new Table(table.deletions(), table.dueIndex());
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
