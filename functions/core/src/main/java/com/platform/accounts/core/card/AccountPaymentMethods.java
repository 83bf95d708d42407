package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.paypal.PayPalRefusedException;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.problem.Problem;
import java.util.List;
import java.util.function.Supplier;

/** An account's payment methods as its owner sees them, and their removal. */
public final class AccountPaymentMethods {
  private final PaymentMethodStore store;
  private final CardRecords records;
  private final ChargeRelease release;
  private final Supplier<PayPalGateway> paypal;

  /**
   * @param paypal PayPal's vault, asked for only when a PayPal agreement is removed (a function
   *     that never removes one never builds its client)
   */
  public AccountPaymentMethods(
      PaymentMethodStore store, ChargeRelease release, Supplier<PayPalGateway> paypal) {
    this.store = store;
    this.records = new CardRecords(store);
    this.release = release;
    this.paypal = paypal;
  }

  /** The account's payment methods a person would expect to see (removed ones are gone). */
  public List<PaymentMethod> list(String accountId) {
    return store.list(accountId).stream().filter(PaymentMethod::isListed).toList();
  }

  /**
   * Removes a payment method, releasing a card's charges first; its card number becomes free for
   * other accounts. A PayPal agreement is deleted at PayPal first: while PayPal cannot be reached
   * the method stays, so no agreement outlives its method. No workflow waits for the owner's
   * answer, so none needs telling.
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
    if (pm.paypal() != null
        && pm.paypal().paymentTokenId() != null
        && pm.status() == PaymentMethodStatus.ACTIVE) {
      try {
        paypal.get().deletePaymentToken(pm.paypal().paymentTokenId());
      } catch (PayPalUnavailableException | PayPalRefusedException e) {
        // a refusal other than "unknown token" is PayPal's to resolve; the method stays meanwhile
        throw Problem.unavailable("PayPal did not answer; try removing it again shortly.", 30);
      }
    }
    records.change(
        account.accountId(), paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
  }
}
