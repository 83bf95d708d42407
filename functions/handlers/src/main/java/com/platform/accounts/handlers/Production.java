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
  /** Per call to the processor; its retries with the same idempotency key come on top. */
  private static final Duration PROCESSOR_TIMEOUT = Duration.ofSeconds(8);
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
