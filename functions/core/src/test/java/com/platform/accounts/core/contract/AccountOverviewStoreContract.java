package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountOverview;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.verification.Challenge;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountOverviewStore} does: the account exactly as {@link AccountStore#find}
 * reads it, with the same payment methods {@link PaymentMethodStore#list} gives (oldest first), the
 * removed ones left out, nothing of other accounts, and nothing at all for an unknown account.
 */
public abstract class AccountOverviewStoreContract {
  /** The stores of one table. */
  public record Stores(
      AccountStore accounts,
      ChallengeStore challenges,
      PaymentMethodStore paymentMethods,
      AccountOverviewStore overviews) {}

  protected final ManualClock clock = new ManualClock(START);
  private Stores stores;

  /** Fresh stores on one empty table that read the time from {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @BeforeEach
  void createStores() {
    stores = newStores(clock);
  }

  private Account createdAccount() {
    String email = Records.email();
    Challenge challenge = Records.signupChallenge(Records.challengeId(), email, clock.instant());
    stores.challenges().create(challenge);
    Challenge stored =
        stores.challenges().find(challenge.challengeId(), clock.instant()).orElseThrow();
    Account account = Records.account(Records.accountId(), email);
    stores.accounts().create(account, stored.verified());
    return stores.accounts().find(account.accountId()).orElseThrow();
  }

  @Test
  void anUnknownAccountHasNoOverview() {
    assertThat(stores.overviews().find(Records.accountId())).isEmpty();
  }

  @Test
  void anAccountWithoutPaymentMethodsIsReadAsStored() {
    Account account = createdAccount();

    assertThat(stores.overviews().find(account.accountId()))
        .contains(new AccountOverview(account, List.of()));
  }

  @Test
  void theAccountComesWithItsListedPaymentMethodsOldestFirst() {
    Account account = createdAccount();
    Account other = createdAccount();
    PaymentMethod paypal = Records.paypal(account.accountId(), START.plus(Duration.ofHours(1)));
    PaymentMethod card = Records.pendingCard(account.accountId(), Records.fingerprintHash());
    PaymentMethod removed = Records.sparseCard(account.accountId());
    stores.paymentMethods().create(paypal);
    stores.paymentMethods().create(card);
    stores.paymentMethods().create(removed);
    PaymentMethod storedRemoved =
        stores.paymentMethods().find(account.accountId(), removed.paymentMethodId()).orElseThrow();
    stores
        .paymentMethods()
        .update(
            new PaymentMethod(
                storedRemoved.paymentMethodId(),
                storedRemoved.accountId(),
                storedRemoved.type(),
                PaymentMethodStatus.REMOVED,
                storedRemoved.card(),
                storedRemoved.check(),
                storedRemoved.createdAt(),
                storedRemoved.version()));
    stores.paymentMethods().create(Records.paypal(other.accountId(), START));

    AccountOverview overview = stores.overviews().find(account.accountId()).orElseThrow();

    assertThat(overview.account()).isEqualTo(account);
    assertThat(overview.paymentMethods())
        .isEqualTo(
            stores.paymentMethods().list(account.accountId()).stream()
                .filter(PaymentMethod::isListed)
                .toList())
        .extracting(PaymentMethod::paymentMethodId)
        .containsExactly(card.paymentMethodId(), paypal.paymentMethodId());
  }

  @Test
  void payPalMethodsComeWithTheirLinksAndTheSlotsAreNoPaymentMethods() {
    Account account = createdAccount();
    PaymentMethod cancelled =
        Records.pendingPayPal(account.accountId(), START.minusSeconds(2))
            .withStatus(PaymentMethodStatus.CANCELLED);
    PaymentMethod pending = Records.pendingPayPal(account.accountId(), START);
    PaymentMethod card = Records.pendingCard(account.accountId(), Records.fingerprintHash());
    stores.paymentMethods().create(cancelled);
    // these two hold the account's PayPal slot and card slot
    stores.paymentMethods().create(pending);
    stores.paymentMethods().create(card);

    AccountOverview overview = stores.overviews().find(account.accountId()).orElseThrow();

    assertThat(overview.paymentMethods())
        .containsExactly(Records.withVersion(card, 1), Records.withVersion(pending, 1));
  }
}
