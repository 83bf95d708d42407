package com.platform.accounts.core.memory;

import com.platform.accounts.core.contract.PaymentMethodStoreContract;
import com.platform.accounts.core.port.PaymentMethodStore;
import java.time.Clock;

class InMemoryPaymentMethodStoreContractTest extends PaymentMethodStoreContract {
  @Override
  protected PaymentMethodStore newStore(Clock clock) {
    return new InMemoryTable(clock).paymentMethods();
  }
}
