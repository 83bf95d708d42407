package com.platform.accounts.aws;

import com.platform.accounts.core.contract.RateLimitStoreContract;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The RateLimitStore contract against DynamoDB in the emulator. */
class DynamoDbRateLimitStoreContractIT extends RateLimitStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected RateLimitStore newStore(Clock clock) {
    return tables.create(clock).rateLimits();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
