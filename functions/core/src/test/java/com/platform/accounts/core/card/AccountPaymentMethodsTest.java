package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class AccountPaymentMethodsTest extends CardTestSupport {

  @Test
  void removingACardReleasesItsChargesAndFreesItForAnotherAccount() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111178"));

    methods.remove(ana, pm.paymentMethodId());

    assertThat(methods.list(ana.accountId())).isEmpty();
    assertThat(processor.statement("1178"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(placement.add(account("US"), token("4111111111111178")).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aRemovedCardIsGoneAndCannotBeRemovedAgain() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111319"));
    methods.remove(ana, pm.paymentMethodId());

    assertThat(problemOf(() -> methods.remove(ana, pm.paymentMethodId())).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(problemOf(() -> methods.remove(ana, "not-a-payment-method")).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.REMOVED);
  }

  @Test
  void anotherAccountsCardCannotBeRemoved() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111327"));

    assertThat(problemOf(() -> methods.remove(account("US"), pm.paymentMethodId())).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(methods.list(ana.accountId()))
        .extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.PENDING_VERIFICATION);
  }
}
