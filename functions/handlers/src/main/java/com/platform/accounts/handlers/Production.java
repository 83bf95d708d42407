package com.platform.accounts.handlers;

import com.platform.accounts.aws.AwsPorts;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.payments.StripeCardProcessor;
import java.time.Duration;

/**
 * The production wiring, built once per Lambda execution environment, during initialisation (and so
 * inside the SnapStart snapshot): SDK clients, keys and services are made here, not per request.
 */
public final class Production {
  /**
   * Per attempt of a call to the processor (stripe-java retries twice with the same idempotency
   * key): adding a card makes three calls, which must fit the API function's 28 seconds.
   */
  private static final Duration PROCESSOR_TIMEOUT = Duration.ofSeconds(3);
  private Production() {}

  public static AccountLifecycle lifecycle() {
    return Holder.LIFECYCLE;
  }

  private static final class Holder {
    static final AccountLifecycle LIFECYCLE = new AccountLifecycle(AwsPorts.fromEnvironment(
        secretKey -> new StripeCardProcessor(secretKey, null, PROCESSOR_TIMEOUT)));

    static {
      Priming.register(LIFECYCLE);
    }
  }
}
