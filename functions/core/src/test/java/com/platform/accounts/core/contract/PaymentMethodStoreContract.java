package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.card.AccountAlreadyHasCardException;
import com.platform.accounts.core.card.CardAlreadyRegisteredException;
import com.platform.accounts.core.card.CardTokenUsedException;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.paypal.PayPalAlreadyLinkedException;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.PaymentMethodStore.PaymentMethodRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link PaymentMethodStore} does: exact round trips (card, check and PayPal link
 * nested, nulls included), version 1 on create and +1 per update, conditional writes, one account
 * per card number and one card per account while the card is pending or verified (and neither once
 * it failed or was removed), one PayPal method per account while it waits for approval or is
 * active, all-or-nothing creates, and references that point at a method until they expire. What
 * falls due is the due-index's ({@link DueIndexContract}).
 */
public abstract class PaymentMethodStoreContract {
  protected final ManualClock clock = new ManualClock(START);
  private PaymentMethodStore store;

  /** A fresh store on an empty table that reads the time from {@code clock}. */
  protected abstract PaymentMethodStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

  private PaymentMethod created(PaymentMethod pm) {
    store.create(pm);
    return store.find(pm.accountId(), pm.paymentMethodId()).orElseThrow();
  }

  private PaymentMethod updated(PaymentMethod pm) {
    store.update(pm);
    return store.find(pm.accountId(), pm.paymentMethodId()).orElseThrow();
  }

  /** Whether the account can take a new card: it holds no slot (the card is then created). */
  private boolean accountTakesAnotherCard(String accountId) {
    try {
      store.create(Records.pendingCard(accountId, Records.fingerprintHash()));
      return true;
    } catch (AccountAlreadyHasCardException e) {
      return false;
    }
  }

  // round trips ---------------------------------------------------------------------------------

  @Test
  void createStoresEveryFieldOfACardWithVersionOne() {
    String accountId = Records.accountId();
    String fingerprint = Records.fingerprintHash();
    PaymentMethod card = Records.pendingCard(accountId, fingerprint);

    store.create(card);

    PaymentMethod expected = Records.withVersion(card, 1);
    assertThat(store.find(accountId, card.paymentMethodId())).contains(expected);
    assertThat(store.list(accountId)).containsExactly(expected);
    assertThat(store.fingerprintOwner(fingerprint)).contains(accountId);
  }

  @Test
  void createStoresACardBeforeItsChargesArePlaced() {
    PaymentMethod card = Records.newCard(Records.accountId(), Records.fingerprintHash());

    store.create(card);

    assertThat(store.find(card.accountId(), card.paymentMethodId()))
        .contains(Records.withVersion(card, 1));
  }

  @Test
  void createRoundTripsNullFields() {
    String accountId = Records.accountId();
    PaymentMethod sparse = Records.sparseCard(accountId);
    PaymentMethod paypal = Records.paypal(accountId, START.plusSeconds(1));

    store.create(sparse);
    store.create(paypal);

    assertThat(store.find(accountId, sparse.paymentMethodId()))
        .contains(Records.withVersion(sparse, 1));
    PaymentMethod foundPaypal = store.find(accountId, paypal.paymentMethodId()).orElseThrow();
    assertThat(foundPaypal).isEqualTo(Records.withVersion(paypal, 1));
    assertThat(foundPaypal.card()).isNull();
    assertThat(foundPaypal.check()).isNull();
    assertThat(store.list(accountId))
        .containsExactly(Records.withVersion(sparse, 1), Records.withVersion(paypal, 1));
  }

  @Test
  void unknownPaymentMethodsAndFingerprintsAreNotFound() {
    PaymentMethod card =
        created(Records.pendingCard(Records.accountId(), Records.fingerprintHash()));

    assertThat(store.find(Records.accountId(), Records.paymentMethodId())).isEmpty();
    assertThat(store.find(card.accountId(), Records.paymentMethodId())).isEmpty();
    // a method is found only under its own account
    assertThat(store.find(Records.accountId(), card.paymentMethodId())).isEmpty();
    assertThat(store.list(Records.accountId())).isEmpty();
    assertThat(store.fingerprintOwner(Records.fingerprintHash())).isEmpty();
  }

  @Test
  void listReturnsOnlyTheAccountsOwnOldestFirstThenById() {
    String accountId = Records.accountId();
    String otherAccountId = Records.accountId();
    Instant tie = START.plusSeconds(3);
    PaymentMethod third = Records.paypal(accountId, START.plusSeconds(2));
    PaymentMethod first =
        Records.pendingCard(
            accountId, Records.fingerprintHash(), START, START.plus(Duration.ofHours(24)));
    PaymentMethod second = Records.paypal(accountId, START.plusSeconds(1).plusNanos(1));
    PaymentMethod tiedB = Records.withId(Records.paypal(accountId, tie), "pm_b");
    PaymentMethod tiedA = Records.withId(Records.paypal(accountId, tie), "pm_a");
    PaymentMethod someoneElses = Records.paypal(otherAccountId, START.minusSeconds(1));
    for (PaymentMethod pm : List.of(third, first, tiedB, someoneElses, second, tiedA)) {
      store.create(pm);
    }

    assertThat(store.list(accountId))
        .containsExactly(
            Records.withVersion(first, 1),
            Records.withVersion(second, 1),
            Records.withVersion(third, 1),
            Records.withVersion(tiedA, 1),
            Records.withVersion(tiedB, 1));
    assertThat(store.list(otherAccountId)).containsExactly(Records.withVersion(someoneElses, 1));
  }

  // versions ------------------------------------------------------------------------------------

  @Test
  void updateStoresTheNextVersion() {
    PaymentMethod stored =
        created(Records.pendingCard(Records.accountId(), Records.fingerprintHash()));

    PaymentMethod second = updated(stored.withCheck(stored.check().withFailedAttempt()));
    PaymentMethod third = updated(second.withStatus(PaymentMethodStatus.VERIFIED));

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.check().failedAttempts()).isEqualTo(stored.check().failedAttempts() + 1);
    assertThat(third)
        .isEqualTo(
            Records.withVersion(
                stored
                    .withCheck(stored.check().withFailedAttempt())
                    .withStatus(PaymentMethodStatus.VERIFIED),
                3));
    assertThat(store.list(stored.accountId())).containsExactly(third);
  }

  @Test
  void updateOfAPayPalMethodStoresTheNextVersion() {
    PaymentMethod stored = created(Records.paypal(Records.accountId(), START));

    PaymentMethod removed = updated(stored.withStatus(PaymentMethodStatus.REMOVED));

    assertThat(removed)
        .isEqualTo(Records.withVersion(stored.withStatus(PaymentMethodStatus.REMOVED), 2));
  }

  @Test
  void updateFromAStaleReadIsAConflictAndChangesNothing() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod stored = created(Records.pendingCard(Records.accountId(), fingerprint));
    PaymentMethod current = updated(stored.withCheck(stored.check().withFailedAttempt()));

    assertThatThrownBy(() -> store.update(stored.withStatus(PaymentMethodStatus.VERIFIED)))
        .isInstanceOf(ConcurrentModificationException.class);
    // nor does a stale write that would give up the card free its number or its slot
    assertThatThrownBy(() -> store.update(stored.withStatus(PaymentMethodStatus.REMOVED)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(stored.accountId(), stored.paymentMethodId())).contains(current);
    assertThat(store.fingerprintOwner(fingerprint)).contains(stored.accountId());
    assertThat(accountTakesAnotherCard(stored.accountId())).isFalse();
  }

  @Test
  void updateOfAStalePayPalMethodIsAConflict() {
    PaymentMethod stored = created(Records.paypal(Records.accountId(), START));
    PaymentMethod current = updated(stored.withStatus(PaymentMethodStatus.REMOVED));

    assertThatThrownBy(() -> store.update(stored.withStatus(PaymentMethodStatus.FAILED)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(stored.accountId(), stored.paymentMethodId())).contains(current);
  }

  @Test
  void updateOfAPaymentMethodThatDoesNotExistIsAConflict() {
    PaymentMethod neverCreated =
        Records.withVersion(Records.pendingCard(Records.accountId(), Records.fingerprintHash()), 1);

    assertThatThrownBy(() -> store.update(neverCreated))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> store.update(neverCreated.withStatus(PaymentMethodStatus.REMOVED)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(neverCreated.accountId(), neverCreated.paymentMethodId())).isEmpty();
    assertThat(store.list(neverCreated.accountId())).isEmpty();
  }

  @Test
  void updateUnderAnotherAccountIsAConflict() {
    PaymentMethod stored = created(Records.paypal(Records.accountId(), START));
    String otherAccountId = Records.accountId();
    PaymentMethod moved =
        new PaymentMethod(
            stored.paymentMethodId(),
            otherAccountId,
            stored.type(),
            PaymentMethodStatus.REMOVED,
            stored.card(),
            stored.check(),
            stored.createdAt(),
            stored.version());

    assertThatThrownBy(() -> store.update(moved))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(stored.accountId(), stored.paymentMethodId())).contains(stored);
    assertThat(store.list(otherAccountId)).isEmpty();
  }

  @Test
  void createOverAnExistingIdIsAConflictAndWritesNothing() {
    String accountId = Records.accountId();
    PaymentMethod stored = created(Records.pendingCard(accountId, Records.fingerprintHash()));
    String otherFingerprint = Records.fingerprintHash();
    // the id is checked first: not refused as the account's second card
    PaymentMethod sameId =
        Records.withId(Records.pendingCard(accountId, otherFingerprint), stored.paymentMethodId());

    assertThatThrownBy(() -> store.create(sameId))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(
            () ->
                store.create(
                    Records.withId(Records.paypal(accountId, START), stored.paymentMethodId())))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(accountId, stored.paymentMethodId())).contains(stored);
    assertThat(store.fingerprintOwner(otherFingerprint)).isEmpty();
  }

  // one account per card, one card per account --------------------------------------------------

  @Test
  void cardOfAnotherAccountIsRefusedAndWritesNothing() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod owners = created(Records.pendingCard(Records.accountId(), fingerprint));
    String otherAccountId = Records.accountId();
    PaymentMethod copy = Records.pendingCard(otherAccountId, fingerprint);

    assertThatThrownBy(() -> store.create(copy))
        .isInstanceOfSatisfying(
            CardAlreadyRegisteredException.class, e -> assertThat(e.sameAccount()).isFalse());

    assertThat(store.find(otherAccountId, copy.paymentMethodId())).isEmpty();
    assertThat(store.list(otherAccountId)).isEmpty();
    assertThat(store.fingerprintOwner(fingerprint)).contains(owners.accountId());
    // the refused create took no slot either
    assertThat(accountTakesAnotherCard(otherAccountId)).isTrue();
  }

  @Test
  void verifiedCardOfAnotherAccountIsRefused() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod owners = created(Records.pendingCard(Records.accountId(), fingerprint));
    updated(owners.withStatus(PaymentMethodStatus.VERIFIED));

    assertThatThrownBy(() -> store.create(Records.pendingCard(Records.accountId(), fingerprint)))
        .isInstanceOfSatisfying(
            CardAlreadyRegisteredException.class, e -> assertThat(e.sameAccount()).isFalse());

    assertThat(store.fingerprintOwner(fingerprint)).contains(owners.accountId());
  }

  @Test
  void sameCardTwiceOnOneAccountIsRefusedAsTheSameAccounts() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod first = created(Records.pendingCard(Records.accountId(), fingerprint));
    PaymentMethod again = Records.pendingCard(first.accountId(), fingerprint);

    assertThatThrownBy(() -> store.create(again))
        .isInstanceOfSatisfying(
            CardAlreadyRegisteredException.class, e -> assertThat(e.sameAccount()).isTrue());

    assertThat(store.find(first.accountId(), again.paymentMethodId())).isEmpty();
    assertThat(store.list(first.accountId())).containsExactly(first);
  }

  @Test
  void secondCardOnAnAccountIsRefusedAndWritesNothing() {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingCard(accountId, Records.fingerprintHash()));
    String secondFingerprint = Records.fingerprintHash();
    PaymentMethod second = Records.pendingCard(accountId, secondFingerprint);

    assertThatThrownBy(() -> store.create(second))
        .isInstanceOf(AccountAlreadyHasCardException.class);

    assertThat(store.find(accountId, second.paymentMethodId())).isEmpty();
    assertThat(store.list(accountId)).containsExactly(first);
    assertThat(store.fingerprintOwner(secondFingerprint)).isEmpty();
    // the refused card's number stays free for another account
    String otherAccountId = Records.accountId();
    store.create(Records.pendingCard(otherAccountId, secondFingerprint));
    assertThat(store.fingerprintOwner(secondFingerprint)).contains(otherAccountId);
  }

  @Test
  void secondCardNextToAVerifiedOneIsRefused() {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingCard(accountId, Records.fingerprintHash()));
    updated(first.withStatus(PaymentMethodStatus.VERIFIED));

    assertThatThrownBy(
            () -> store.create(Records.pendingCard(accountId, Records.fingerprintHash())))
        .isInstanceOf(AccountAlreadyHasCardException.class);
  }

  @Test
  void failingACardFreesItsNumberAndTheAccountsSlot() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod card = created(Records.pendingCard(Records.accountId(), fingerprint));

    PaymentMethod failed = updated(card.withStatus(PaymentMethodStatus.FAILED));

    assertThat(failed)
        .isEqualTo(Records.withVersion(card.withStatus(PaymentMethodStatus.FAILED), 2));
    assertThat(store.fingerprintOwner(fingerprint)).isEmpty();
    String otherAccountId = Records.accountId();
    store.create(Records.pendingCard(otherAccountId, fingerprint));
    assertThat(store.fingerprintOwner(fingerprint)).contains(otherAccountId);
    assertThat(accountTakesAnotherCard(card.accountId())).isTrue();
    assertThat(store.list(card.accountId())).hasSize(2).contains(failed);
  }

  @Test
  void removingAVerifiedCardFreesItsNumberAndTheAccountsSlot() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod card = created(Records.pendingCard(Records.accountId(), fingerprint));
    PaymentMethod verified = updated(card.withStatus(PaymentMethodStatus.VERIFIED));
    assertThat(store.fingerprintOwner(fingerprint)).contains(card.accountId());

    updated(verified.withStatus(PaymentMethodStatus.REMOVED));

    assertThat(store.fingerprintOwner(fingerprint)).isEmpty();
    // the account may add the very same card again
    PaymentMethod again = created(Records.pendingCard(card.accountId(), fingerprint));
    assertThat(store.fingerprintOwner(fingerprint)).contains(card.accountId());
    assertThat(store.list(card.accountId()))
        .extracting(PaymentMethod::paymentMethodId)
        .containsExactlyInAnyOrder(card.paymentMethodId(), again.paymentMethodId());
  }

  @Test
  void writingACardThatNoLongerHoldsItsNumberLeavesTheNewHoldersAlone() {
    String fingerprint = Records.fingerprintHash();
    PaymentMethod card = created(Records.pendingCard(Records.accountId(), fingerprint));
    PaymentMethod failed = updated(card.withStatus(PaymentMethodStatus.FAILED));
    String newOwner = Records.accountId();
    created(Records.pendingCard(newOwner, fingerprint));

    PaymentMethod released = updated(failed.withCheck(failed.check().releasedAt(START)));
    PaymentMethod removed = updated(released.withStatus(PaymentMethodStatus.REMOVED));

    assertThat(removed.version()).isEqualTo(4);
    assertThat(store.fingerprintOwner(fingerprint)).contains(newOwner);
    assertThat(accountTakesAnotherCard(newOwner)).isFalse();
    assertThat(accountTakesAnotherCard(card.accountId())).isTrue();
  }

  @Test
  void cardCreatedFailedOrRemovedTakesNeitherItsNumberNorTheSlot() {
    String accountId = Records.accountId();
    String fingerprint = Records.fingerprintHash();

    store.create(
        Records.pendingCard(accountId, fingerprint).withStatus(PaymentMethodStatus.REMOVED));
    store.create(
        Records.pendingCard(accountId, fingerprint).withStatus(PaymentMethodStatus.FAILED));

    assertThat(store.fingerprintOwner(fingerprint)).isEmpty();
    store.create(Records.pendingCard(accountId, fingerprint));
    assertThat(store.fingerprintOwner(fingerprint)).contains(accountId);
    assertThat(store.list(accountId)).hasSize(3);
  }

  @Test
  void payPalMethodsNeverTakeTheCardSlot() {
    String accountId = Records.accountId();
    PaymentMethod paypal = created(Records.paypal(accountId, START));

    PaymentMethod card = created(Records.pendingCard(accountId, Records.fingerprintHash()));
    PaymentMethod secondPaypal = created(Records.paypal(accountId, START.plusSeconds(1)));
    updated(paypal.withStatus(PaymentMethodStatus.REMOVED));
    updated(secondPaypal.withStatus(PaymentMethodStatus.FAILED));

    // the card still holds the slot: giving up PayPal methods freed nothing of it
    assertThat(store.fingerprintOwner(card.card().fingerprintHash())).contains(accountId);
    assertThat(accountTakesAnotherCard(accountId)).isFalse();
    assertThat(store.list(accountId)).hasSize(3);
  }

  // PayPal links and the PayPal slot -------------------------------------------------------------

  /** Whether the account can link PayPal: it holds no PayPal slot (the method is then created). */
  private boolean accountLinksPayPal(String accountId) {
    try {
      store.create(Records.pendingPayPal(accountId, START));
      return true;
    } catch (PayPalAlreadyLinkedException e) {
      return false;
    }
  }

  @Test
  void createStoresEveryFieldOfAPayPalLinkAndNullsRoundTrip() {
    String accountId = Records.accountId();
    PaymentMethod full = Records.payPalWithEveryField(accountId, PaymentMethodStatus.ACTIVE);
    PaymentMethod sparse = Records.sparsePayPal(accountId);
    PaymentMethod pending = Records.pendingPayPal(Records.accountId(), START);

    store.create(full);
    store.create(sparse);
    store.create(pending);

    assertThat(store.find(accountId, full.paymentMethodId()))
        .contains(Records.withVersion(full, 1));
    assertThat(store.find(accountId, sparse.paymentMethodId()))
        .contains(Records.withVersion(sparse, 1));
    assertThat(store.find(pending.accountId(), pending.paymentMethodId()))
        .contains(Records.withVersion(pending, 1));
    assertThat(store.list(accountId))
        .containsExactly(Records.withVersion(full, 1), Records.withVersion(sparse, 1));
  }

  @Test
  void updateStoresThePayPalLinkAsItMovesOn() {
    PaymentMethod pending = created(Records.pendingPayPal(Records.accountId(), START));

    PaymentMethod returned =
        updated(pending.withPayPal(pending.paypal().returned(START.plusSeconds(5))));
    PaymentMethod active =
        updated(
            returned
                .withPayPal(returned.paypal().withPaymentToken("pt_1", "payer@example.com"))
                .withStatus(PaymentMethodStatus.ACTIVE));
    PaymentMethod notified =
        updated(active.withPayPal(active.paypal().notified(START.plusSeconds(9))));

    assertThat(returned.paypal().stateHash()).isNull();
    assertThat(returned.paypal().returnedAt()).isEqualTo(START.plusSeconds(5));
    assertThat(notified)
        .isEqualTo(
            Records.withVersion(
                pending
                    .withPayPal(
                        pending
                            .paypal()
                            .returned(START.plusSeconds(5))
                            .withPaymentToken("pt_1", "payer@example.com")
                            .notified(START.plusSeconds(9)))
                    .withStatus(PaymentMethodStatus.ACTIVE),
                4));
  }

  @Test
  void secondPayPalMethodOnAnAccountIsRefusedAndWritesNothing() {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingPayPal(accountId, START));
    PaymentMethod second = Records.pendingPayPal(accountId, START.plusSeconds(1));

    assertThatThrownBy(() -> store.create(second)).isInstanceOf(PayPalAlreadyLinkedException.class);

    assertThat(store.find(accountId, second.paymentMethodId())).isEmpty();
    assertThat(store.list(accountId)).containsExactly(first);
    // the slot is the account's own: another account links PayPal as it likes
    assertThat(accountLinksPayPal(Records.accountId())).isTrue();
  }

  @Test
  void secondPayPalMethodNextToAnActiveOneIsRefused() {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingPayPal(accountId, START));
    updated(first.withStatus(PaymentMethodStatus.ACTIVE));

    assertThat(accountLinksPayPal(accountId)).isFalse();
    assertThat(store.list(accountId)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = PaymentMethodStatus.class,
      names = {"FAILED", "CANCELLED", "REVOKED", "REMOVED"})
  void endingAPayPalMethodsHoldFreesTheSlotForANewOne(PaymentMethodStatus end) {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingPayPal(accountId, START));
    PaymentMethod active = updated(first.withStatus(PaymentMethodStatus.ACTIVE));

    PaymentMethod ended = updated(active.withStatus(end));

    assertThat(ended).isEqualTo(Records.withVersion(first.withStatus(end), 3));
    PaymentMethod again = created(Records.pendingPayPal(accountId, START.plusSeconds(1)));
    assertThat(store.list(accountId)).containsExactly(ended, again);
    // the new method holds the slot in turn
    assertThat(accountLinksPayPal(accountId)).isFalse();
  }

  @Test
  void payPalMethodCreatedCancelledOrFailedTakesNoSlot() {
    String accountId = Records.accountId();

    store.create(Records.pendingPayPal(accountId, START).withStatus(PaymentMethodStatus.CANCELLED));
    store.create(Records.sparsePayPal(accountId));

    assertThat(accountLinksPayPal(accountId)).isTrue();
    assertThat(store.list(accountId)).hasSize(3);
  }

  @Test
  void writingAPayPalMethodThatNoLongerHoldsTheSlotLeavesTheNewHolderAlone() {
    String accountId = Records.accountId();
    PaymentMethod first = created(Records.pendingPayPal(accountId, START));
    PaymentMethod cancelled = updated(first.withStatus(PaymentMethodStatus.CANCELLED));
    PaymentMethod second = created(Records.pendingPayPal(accountId, START.plusSeconds(1)));

    PaymentMethod removed = updated(cancelled.withStatus(PaymentMethodStatus.REMOVED));

    assertThat(removed.version()).isEqualTo(3);
    assertThat(accountLinksPayPal(accountId)).isFalse();
    updated(second.withStatus(PaymentMethodStatus.REVOKED));
    assertThat(accountLinksPayPal(accountId)).isTrue();
  }

  @Test
  void staleWriteThatWouldEndAPayPalHoldIsAConflictAndFreesNothing() {
    String accountId = Records.accountId();
    PaymentMethod stored = created(Records.pendingPayPal(accountId, START));
    PaymentMethod current = updated(stored.withStatus(PaymentMethodStatus.ACTIVE));

    assertThatThrownBy(() -> store.update(stored.withStatus(PaymentMethodStatus.CANCELLED)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(accountId, stored.paymentMethodId())).contains(current);
    assertThat(accountLinksPayPal(accountId)).isFalse();
  }

  @Test
  void aCardAndAPayPalMethodHoldSlotsOfTheirOwn() {
    String accountId = Records.accountId();
    PaymentMethod paypal = created(Records.pendingPayPal(accountId, START));
    PaymentMethod card = created(Records.pendingCard(accountId, Records.fingerprintHash()));

    assertThat(accountTakesAnotherCard(accountId)).isFalse();
    assertThat(accountLinksPayPal(accountId)).isFalse();

    // giving up one frees its own slot only
    updated(paypal.withStatus(PaymentMethodStatus.REMOVED));
    assertThat(accountTakesAnotherCard(accountId)).isFalse();
    assertThat(store.fingerprintOwner(card.card().fingerprintHash())).contains(accountId);
    assertThat(accountLinksPayPal(accountId)).isTrue();
    updated(card.withStatus(PaymentMethodStatus.REMOVED));
    assertThat(accountLinksPayPal(accountId)).isFalse();
    assertThat(accountTakesAnotherCard(accountId)).isTrue();
  }

  // references ----------------------------------------------------------------------------------

  @Test
  void aReferencePointsAtItsPaymentMethodUntilItExpires() {
    String reference = Records.reference();
    Instant expiresAt = START.plus(Duration.ofHours(3));

    store.putReference(reference, "acc_1", "pm_1", expiresAt);

    PaymentMethodRef expected = new PaymentMethodRef("acc_1", "pm_1");
    assertThat(store.findReference(reference, START)).contains(expected);
    assertThat(store.findReference(reference, expiresAt.minusNanos(1))).contains(expected);
    assertThat(store.findReference(reference, expiresAt)).isEmpty();
    assertThat(store.findReference(reference, expiresAt.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aReferenceWithoutExpiryStays() {
    String reference = "PAYPAL_TOKEN#" + Records.reference();

    store.putReference(reference, "acc_2", "pm_2", null);

    assertThat(store.findReference(reference, START.plus(Duration.ofDays(3650))))
        .contains(new PaymentMethodRef("acc_2", "pm_2"));
  }

  @Test
  void theFirstWriteOfAReferenceWins() {
    String reference = Records.reference();
    store.putReference(reference, "acc_1", "pm_1", START.plus(Duration.ofHours(3)));

    store.putReference(reference, "acc_2", "pm_2", START.plus(Duration.ofHours(6)));
    store.putReference(reference, "acc_1", "pm_1", null);

    assertThat(store.findReference(reference, START))
        .contains(new PaymentMethodRef("acc_1", "pm_1"));
    assertThat(store.findReference(reference, START.plus(Duration.ofHours(3)))).isEmpty();
  }

  @Test
  void anExpiredReferenceIsGoneAndMayBeWrittenAgain() {
    String reference = Records.reference();
    store.putReference(reference, "acc_1", "pm_1", START.plusSeconds(60));
    clock.advanceTo(START.plusSeconds(60));

    store.putReference(reference, "acc_2", "pm_2", START.plusSeconds(120));

    assertThat(store.findReference(reference, START.plusSeconds(61)))
        .contains(new PaymentMethodRef("acc_2", "pm_2"));
  }

  @Test
  void unknownReferencesAreNotFound() {
    store.putReference(Records.reference(), "acc_1", "pm_1", null);

    assertThat(store.findReference(Records.reference(), START)).isEmpty();
  }

  // single-use card tokens ----------------------------------------------------------------------

  @Test
  void aTokenAddsOneCardEverEvenAfterThatCardIsRemoved() {
    String token = Records.tokenHash();
    assertThat(store.cardTokenUsed(token)).isFalse();
    PaymentMethod first =
        created(
            Records.withTokenHash(
                Records.pendingCard(Records.accountId(), Records.fingerprintHash()), token));
    assertThat(store.cardTokenUsed(token)).isTrue();
    updated(first.withStatus(PaymentMethodStatus.REMOVED));
    String otherAccountId = Records.accountId();
    PaymentMethod again =
        Records.withTokenHash(
            Records.pendingCard(otherAccountId, first.card().fingerprintHash()), token);

    assertThatThrownBy(() -> store.create(again)).isInstanceOf(CardTokenUsedException.class);

    assertThat(store.cardTokenUsed(token)).isTrue();
    assertThat(store.list(otherAccountId)).isEmpty();
    // the refused create took neither the card's number nor the account's slot
    assertThat(store.fingerprintOwner(first.card().fingerprintHash())).isEmpty();
    assertThat(accountTakesAnotherCard(otherAccountId)).isTrue();
  }

  @Test
  void aUsedTokenIsReportedBeforeTheCardsNumberAndTheAccountsSlot() {
    PaymentMethod first =
        created(Records.pendingCard(Records.accountId(), Records.fingerprintHash()));
    PaymentMethod sameCardSameToken =
        Records.withTokenHash(
            Records.pendingCard(first.accountId(), first.card().fingerprintHash()),
            first.card().tokenHash());

    assertThatThrownBy(() -> store.create(sameCardSameToken))
        .isInstanceOf(CardTokenUsedException.class);

    assertThat(store.list(first.accountId())).containsExactly(first);
  }

  @Test
  void aCardCreatedFailedOrRemovedUsesItsTokenToo() {
    String token = Records.tokenHash();
    String accountId = Records.accountId();
    store.create(
        Records.withTokenHash(Records.pendingCard(accountId, Records.fingerprintHash()), token)
            .withStatus(PaymentMethodStatus.REMOVED));

    assertThat(store.cardTokenUsed(token)).isTrue();
    assertThatThrownBy(
            () ->
                store.create(
                    Records.withTokenHash(
                        Records.pendingCard(accountId, Records.fingerprintHash()), token)))
        .isInstanceOf(CardTokenUsedException.class);
    assertThat(store.list(accountId)).hasSize(1);
  }

  @Test
  void simultaneousCardsWithOneTokenAddOneCard() throws Exception {
    String token = Records.tokenHash();
    int racers = 6;
    List<PaymentMethod> cards = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      cards.add(
          Records.withTokenHash(
              Records.pendingCard(Records.accountId(), Records.fingerprintHash()), token));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (PaymentMethod card : cards) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  // a collision of transactions writes nothing, and the caller tries again
                  for (int attempt = 1; ; attempt++) {
                    try {
                      store.create(card);
                      return true;
                    } catch (CardTokenUsedException used) {
                      return false;
                    } catch (ConcurrentModificationException collided) {
                      if (attempt == 10) {
                        throw collided;
                      }
                    }
                  }
                }));
      }
      start.countDown();
      int added = 0;
      for (Future<Boolean> outcome : outcomes) {
        added += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }

      assertThat(added).isEqualTo(1);
      assertThat(cards.stream().mapToInt(c -> store.list(c.accountId()).size()).sum()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // fingerprint owners --------------------------------------------------------------------------

  @Test
  void fingerprintOwnerFollowsTheCardThatHoldsTheNumber() {
    String fingerprint = Records.fingerprintHash();
    assertThat(store.fingerprintOwner(fingerprint)).isEmpty();

    PaymentMethod first = created(Records.pendingCard(Records.accountId(), fingerprint));
    assertThat(store.fingerprintOwner(fingerprint)).contains(first.accountId());

    updated(first.withStatus(PaymentMethodStatus.REMOVED));
    assertThat(store.fingerprintOwner(fingerprint)).isEmpty();

    PaymentMethod second = created(Records.pendingCard(Records.accountId(), fingerprint));
    assertThat(store.fingerprintOwner(fingerprint)).contains(second.accountId());
  }
}
