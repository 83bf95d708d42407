package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethod.PaymentMethodType;
import com.platform.accounts.core.card.PaymentMethodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final Instant CREATED = Instant.parse("2026-11-26T09:00:00Z");
  private final Account account =
      new Account(
          "acc_1",
          "ana@example.com",
          "US",
          null,
          "hash",
          AccountStatus.ACTIVE,
          true,
          false,
          "2026-11-01",
          CREATED,
          4,
          CREATED,
          9);

  @Test
  void signingOutRaisesTheSessionVersionAndNothingElse() {
    Account next = account.withNextSessionVersion();

    assertThat(next.sessionVersion()).isEqualTo(5);
    assertThat(next)
        .isEqualTo(
            new Account(
                "acc_1",
                "ana@example.com",
                "US",
                null,
                "hash",
                AccountStatus.ACTIVE,
                true,
                false,
                "2026-11-01",
                CREATED,
                5,
                CREATED,
                9));
  }

  @Test
  void aVerifiedPhoneIsKeptWithItsNumber() {
    Account next = account.withVerifiedPhone("+12025550123");

    assertThat(next.phone()).isEqualTo("+12025550123");
    assertThat(next.phoneVerified()).isTrue();
    assertThat(next.emailVerified()).isTrue();
    assertThat(next.version()).isEqualTo(9);
  }

  @Test
  void aVerifiedEmailKeepsThePhoneAsItWas() {
    Account phoneFirst =
        new Account(
            "acc_2",
            "bo@example.com",
            "US",
            "+12025550123",
            "hash",
            AccountStatus.ACTIVE,
            false,
            true,
            "2026-11-01",
            CREATED,
            0,
            CREATED,
            1);

    Account next = phoneFirst.withEmailVerified();

    assertThat(next.emailVerified()).isTrue();
    assertThat(next.phoneVerified()).isTrue();
    assertThat(next.phone()).isEqualTo("+12025550123");
  }

  @Test
  void aNewPasswordReplacesOnlyTheHash() {
    assertThat(account.withPasswordHash("new").passwordHash()).isEqualTo("new");
    assertThat(account.withPasswordHash("new").sessionVersion()).isEqualTo(4);
  }

  @Test
  void onlyAnActiveAccountIsActive() {
    assertThat(account.isActive()).isTrue();
    Account deleted =
        new Account(
            "acc_1",
            "ana@example.com",
            "US",
            null,
            "hash",
            AccountStatus.DELETED,
            true,
            false,
            "2026-11-01",
            CREATED,
            4,
            CREATED,
            9);
    assertThat(deleted.isActive()).isFalse();
  }

  @Test
  void theVerifiedContactsAreReadFromTheAccount() {
    assertThat(VerifiedContacts.of(account)).isEqualTo(new VerifiedContacts(true, false));
    assertThat(VerifiedContacts.of(account.withVerifiedPhone("+12025550123")))
        .isEqualTo(new VerifiedContacts(true, true));
  }

  @Test
  void theOverviewListsThePaymentMethodsNotRemovedInTheirOrder() {
    PaymentMethod first = method("pm_1", PaymentMethodStatus.FAILED);
    PaymentMethod removed = method("pm_2", PaymentMethodStatus.REMOVED);
    PaymentMethod last = method("pm_3", PaymentMethodStatus.VERIFIED);

    AccountOverview overview = new AccountOverview(account, List.of(first, removed, last));

    assertThat(overview.paymentMethods()).containsExactly(first, last);
    assertThat(overview.account()).isEqualTo(account);
  }

  private static PaymentMethod method(String id, PaymentMethodStatus status) {
    return new PaymentMethod(id, "acc_1", PaymentMethodType.CARD, status, null, null, CREATED, 0);
  }
}
