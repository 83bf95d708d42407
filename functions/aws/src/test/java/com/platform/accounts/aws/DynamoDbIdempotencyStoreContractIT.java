package com.platform.accounts.aws;

import com.platform.accounts.core.contract.IdempotencyStoreContract;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IdempotencyStore contract against DynamoDB in the emulator. */
class DynamoDbIdempotencyStoreContractIT extends IdempotencyStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected IdempotencyStore newStore(Clock clock) {
    return tables.create(clock).idempotency();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
