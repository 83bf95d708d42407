package com.platform.accounts.handlers;

import com.platform.accounts.aws.AwsPorts;
import com.platform.accounts.core.AccountLifecycle;

/**
 * The production wiring, built once per Lambda execution environment, during initialisation (and so
 * inside the SnapStart snapshot): SDK clients, keys and services are made here, not per request.
 */
public final class Production {
  private Production() {}

  public static AccountLifecycle lifecycle() {
    return Holder.LIFECYCLE;
  }

  private static final class Holder {
    static final AccountLifecycle LIFECYCLE = new AccountLifecycle(AwsPorts.fromEnvironment());

    static {
      Priming.register(LIFECYCLE);
    }
  }
}
