package com.platform.accounts.core.account;

import com.platform.accounts.core.card.PaymentMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An account with its listed payment methods (oldest first), read together: what the signed-in
 * account's own view shows.
 */
public record AccountOverview(Account account, List<PaymentMethod> paymentMethods) {
  /** Keeps only the {@linkplain PaymentMethod#isListed() listed} methods, in their order. */
  public AccountOverview {
    List<PaymentMethod> listed = new ArrayList<>(paymentMethods.size());
    for (PaymentMethod method : paymentMethods) {
      if (method.isListed()) {
        listed.add(method);
      }
    }
    paymentMethods = Collections.unmodifiableList(listed);
  }
}
