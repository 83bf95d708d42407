package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An id from a path that cannot be a payment method's is not found without a read. */
class MalformedPaymentMethodIdsTest extends CardTestSupport {
  private final List<String> lookedUp = new ArrayList<>();
  private final DelegatingStore recording =
      new DelegatingStore(t.table.paymentMethods()) {
        @Override
        public Optional<PaymentMethod> find(String accountId, String paymentMethodId) {
          lookedUp.add(paymentMethodId);
          return super.find(accountId, paymentMethodId);
        }
      };
  private final byte[] key = t.lifecycle.ports().keys().hmacKey();
  private final String huge = "pm_" + "x".repeat(2000);

  @Test
  void anAnswerForAMalformedIdIsNotFoundWithoutARead() {
    Account ana = account("US");
    OwnerAnswers guarded =
        new OwnerAnswers(
            recording,
            t.table.accounts(),
            new Hmac(key),
            t.outbox,
            t.events,
            release,
            t.clock,
            "ACMECLOUD");

    for (String id : new String[] {huge, "pm_../../x", "ver_AAAAAAAAAAAAAAAAAAAAAA"}) {
      assertThat(
              problemOf(() -> guarded.verify(ana, id, new OwnershipProof.DescriptorCode("123456")))
                  .code())
          .as(id)
          .isEqualTo(ErrorCode.NOT_FOUND);
    }
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void removingAMalformedIdIsNotFoundWithoutARead() {
    Account ana = account("US");
    AccountPaymentMethods guarded =
        new AccountPaymentMethods(
            recording,
            release,
            () -> {
              throw new AssertionError("PayPal asked for");
            });

    for (String id : new String[] {huge, "pm_../../x", "ver_AAAAAAAAAAAAAAAAAAAAAA"}) {
      assertThat(problemOf(() -> guarded.remove(ana, id)).code())
          .as(id)
          .isEqualTo(ErrorCode.NOT_FOUND);
    }
    assertThat(lookedUp).isEmpty();
  }
}
