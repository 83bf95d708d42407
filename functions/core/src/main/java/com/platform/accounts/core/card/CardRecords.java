package com.platform.accounts.core.card;

import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PaymentMethodStore;
import java.util.function.UnaryOperator;

/** One card read, or changed under optimistic locking: what every part does to the store. */
final class CardRecords {
  private final PaymentMethodStore store;

  CardRecords(PaymentMethodStore store) {
    this.store = store;
  }

  PaymentMethod load(String accountId, String paymentMethodId) {
    return store.find(accountId, paymentMethodId).orElseThrow(CardProblems::notFound);
  }

  /** Applies a change with optimistic locking and answers the card as stored afterwards. */
  PaymentMethod change(
      String accountId, String paymentMethodId, UnaryOperator<PaymentMethod> edit) {
    // when someone else wrote, the change applies to what they wrote
    return OptimisticRetry.run(
        () -> {
          PaymentMethod current = load(accountId, paymentMethodId);
          PaymentMethod changed = edit.apply(current);
          if (changed.equals(current)) {
            return current;
          }
          store.update(changed);
          return load(accountId, paymentMethodId);
        });
  }
}
