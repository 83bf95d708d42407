package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.port.PaymentMethodStore;
import java.util.List;

/** An account's payment methods as its owner sees them, and their removal. */
public final class AccountPaymentMethods {
  private final PaymentMethodStore store;
  private final CardRecords records;
  private final ChargeRelease release;

  public AccountPaymentMethods(PaymentMethodStore store, ChargeRelease release) {
    this.store = store;
    this.records = new CardRecords(store);
    this.release = release;
  }

  /** The account's payment methods a person would expect to see (removed ones are gone). */
  public List<PaymentMethod> list(String accountId) {
    return store.list(accountId).stream().filter(PaymentMethod::isListed).toList();
  }

  /**
   * Removes a payment method, releasing a card's charges first; its card number becomes free for
   * other accounts. No workflow waits for the owner's answer, so none needs telling.
   */
  public void remove(Account account, String paymentMethodId) {
    CardProblems.requireWellFormed(paymentMethodId);
    PaymentMethod pm =
        store
            .find(account.accountId(), paymentMethodId)
            .filter(p -> p.status() != PaymentMethodStatus.REMOVED)
            .orElseThrow(CardProblems::notFound);
    if (pm.check() != null && !pm.check().released()) {
      release.release(account.accountId(), paymentMethodId);
    }
    records.change(
        account.accountId(), paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
  }
}
