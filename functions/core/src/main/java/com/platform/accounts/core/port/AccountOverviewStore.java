package com.platform.accounts.core.port;

import com.platform.accounts.core.account.AccountOverview;
import java.util.Optional;

/**
 * The account and its payment methods in one read: they share the account's partition, so the
 * account's own view costs one round trip instead of two.
 */
public interface AccountOverviewStore {

  /**
   * The account and its listed payment methods (the same ones {@link PaymentMethodStore#list}
   * gives, oldest first), or empty when there is no such account.
   */
  Optional<AccountOverview> find(String accountId);
}
