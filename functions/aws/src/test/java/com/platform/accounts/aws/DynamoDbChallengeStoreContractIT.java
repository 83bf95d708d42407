package com.platform.accounts.aws;

import com.platform.accounts.core.contract.ChallengeStoreContract;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ChallengeStore contract against DynamoDB in the emulator. */
class DynamoDbChallengeStoreContractIT extends ChallengeStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected ChallengeStore newStore(Clock clock) {
    return tables.create(clock).challenges();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
