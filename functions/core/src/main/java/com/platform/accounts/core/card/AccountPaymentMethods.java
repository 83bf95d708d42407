package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
import java.util.List;

/** An account's payment methods as its owner sees them, and their removal. */
public final class AccountPaymentMethods {
  private final PaymentMethodStore store;
  private final CardRecords records;
  private final ChargeRelease release;
  private final Workflows workflows;
  private final TokenSealer sealer;

  public AccountPaymentMethods(
      PaymentMethodStore store, ChargeRelease release, Workflows workflows, TokenSealer sealer) {
    this.store = store;
    this.records = new CardRecords(store);
    this.release = release;
    this.workflows = workflows;
    this.sealer = sealer;
  }

  /** The account's payment methods a person would expect to see (removed ones are gone). */
  public List<PaymentMethod> list(String accountId) {
    return store.list(accountId).stream().filter(PaymentMethod::isListed).toList();
  }

  /**
   * Removes a payment method, releasing a card's charges first; its card number becomes free for
   * other accounts, and a workflow waiting for its owner ends.
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
    if (pm.check() != null
        && pm.check().sealedTaskToken() != null
        && pm.status() == PaymentMethodStatus.PENDING_VERIFICATION) {
      workflows.resume(
          sealer.unseal(pm.check().sealedTaskToken()),
          new WorkflowOutcome.CardOutcome(PaymentMethodStatus.REMOVED));
    }
  }
}
