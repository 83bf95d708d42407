package com.platform.accounts.aws;

import com.platform.accounts.core.contract.PaymentMethodStoreContract;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PaymentMethodStore contract against DynamoDB in the emulator (due-index included). */
class DynamoDbPaymentMethodStoreContractIT extends PaymentMethodStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected PaymentMethodStore newStore(Clock clock) {
    return tables.create(clock).paymentMethods();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
