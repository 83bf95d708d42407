package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DuePage;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.paypal.PayPalLink;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.PaymentMethodStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DueIndex} does, with the store whose items it indexes: cards and PayPal links
 * due by their due time, each of its own kind and on the shard its id hashes to, page after page in
 * due order; a retry that moves an item later and counts its attempts; dead letters that no shard
 * returns; and writes conditional on the item being as it was read.
 */
public abstract class DueIndexContract {
  protected final ManualClock clock = new ManualClock(START);

  /** The payment method store and the due-index of one fresh, empty table. */
  public record Table(PaymentMethodStore store, DueIndex index) {}

  protected abstract Table newTable(Clock clock, DueShards shards);

  /** A pending card whose charges fell due an hour before the contract's start (not stored). */
  protected static PaymentMethod aDueCard() {
    return aCardDueAt(START.minus(Duration.ofHours(1)));
  }

  /** A pending card of a new account, its charges due at {@code at} (not stored). */
  public static PaymentMethod aCardDueAt(Instant at) {
    return Records.pendingCard(
        Records.accountId(), Records.fingerprintHash(), at.minus(Duration.ofHours(23)), at);
  }

  private PaymentMethod created(PaymentMethodStore store, PaymentMethod pm) {
    store.create(pm);
    return store.find(pm.accountId(), pm.paymentMethodId()).orElseThrow();
  }

  private PaymentMethod updated(PaymentMethodStore store, PaymentMethod pm) {
    store.update(pm);
    return store.find(pm.accountId(), pm.paymentMethodId()).orElseThrow();
  }

  /** A pending card of a new account created at {@code createdAt}, due at {@code releaseDueAt}. */
  private PaymentMethod dueCard(PaymentMethodStore store, Instant createdAt, Instant releaseDueAt) {
    return created(
        store,
        Records.pendingCard(
            Records.accountId(), Records.fingerprintHash(), createdAt, releaseDueAt));
  }

  /** The ids of every item of every shard due at {@code now}, read page by page. */
  private static List<String> dueIds(DueIndex index, Instant now) {
    List<DueItem> all = new ArrayList<>();
    for (int shard : index.shards().all()) {
      all.addAll(allPages(index, shard, now, 2));
    }
    all.sort(Comparator.comparing(DueItem::dueAt));
    return all.stream().map(DueItem::itemId).toList();
  }

  private static List<DueItem> allPages(DueIndex index, int shard, Instant now, int pageSize) {
    List<DueItem> items = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      DuePage page = index.due(shard, now, after, pageSize);
      items.addAll(page.items());
      after = page.next();
    } while (after.isPresent());
    return items;
  }

  private static DueItem only(DueIndex index, Instant now) {
    List<DueItem> all = new ArrayList<>();
    for (int shard : index.shards().all()) {
      all.addAll(index.due(shard, now, Optional.empty(), 10).items());
    }
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void oneShardReturnsTheUnreleasedCardsDueByNowOldestDueFirst() {
    Table t = newTable(clock, new DueShards(1));
    Instant now = START;
    // a whole second and half a second later: ISO strings of these do not sort as the instants do
    PaymentMethod wholeSecond =
        dueCard(t.store(), START.minusSeconds(5), Instant.parse("2026-03-01T08:00:00Z"));
    PaymentMethod halfSecond =
        dueCard(t.store(), START.minusSeconds(9), Instant.parse("2026-03-01T08:00:00.5Z"));
    PaymentMethod atNow = dueCard(t.store(), START.minusSeconds(7), now);
    PaymentMethod notYet = dueCard(t.store(), START.minusSeconds(8), now.plusNanos(1));
    PaymentMethod failedUnreleased =
        updated(
            t.store(),
            dueCard(t.store(), START.minusSeconds(6), now.minus(Duration.ofHours(1)))
                .withStatus(PaymentMethodStatus.FAILED));
    PaymentMethod released =
        dueCard(t.store(), START.minusSeconds(4), now.minus(Duration.ofHours(3)));
    updated(t.store(), released.withCheck(released.check().releasedAt(now.minusSeconds(1))));
    created(t.store(), Records.paypal(Records.accountId(), START.minusSeconds(3)));

    List<DueItem> page = t.index().due(0, now, Optional.empty(), 10).items();
    assertThat(page)
        .extracting(DueItem::itemId)
        .containsExactly(
            wholeSecond.paymentMethodId(),
            halfSecond.paymentMethodId(),
            failedUnreleased.paymentMethodId(),
            atNow.paymentMethodId());
    assertThat(page.get(0))
        .isEqualTo(
            new DueItem(
                DueKind.CARD_VERIFICATION,
                wholeSecond.accountId(),
                wholeSecond.paymentMethodId(),
                0,
                Instant.parse("2026-03-01T08:00:00Z"),
                0));
    assertThat(dueIds(t.index(), now.plusNanos(1))).endsWith(notYet.paymentMethodId());
    assertThat(dueIds(t.index(), Instant.parse("2026-03-01T08:00:00.4Z")))
        .containsExactly(wholeSecond.paymentMethodId());
  }

  @Test
  void aShardIsReadPageByPageInDueOrderWithEveryItemOnce() {
    Table t = newTable(clock, new DueShards(1));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(
          dueCard(t.store(), START, START.minus(Duration.ofHours(5 - i))).paymentMethodId());
    }

    DuePage first = t.index().due(0, START, Optional.empty(), 2);

    assertThat(first.items())
        .extracting(DueItem::itemId)
        .containsExactlyElementsOf(expected.subList(0, 2));
    assertThat(first.next()).isPresent();
    assertThat(allPages(t.index(), 0, START, 2))
        .extracting(DueItem::itemId)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void everyItemIsOnTheShardItsIdHashesToAndTheShardsShareTheLoad() {
    DueShards shards = new DueShards(8);
    Table t = newTable(clock, shards);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 160; i++) {
      PaymentMethod pm = dueCard(t.store(), START, START.minusSeconds(i));
      expected.put(pm.paymentMethodId(), shards.of(pm.paymentMethodId()));
    }

    Map<String, Integer> found = new HashMap<>();
    for (int shard : shards.all()) {
      List<DueItem> items = allPages(t.index(), shard, START, 100);
      // 20 expected per shard; a stable hash of random ids lands far from neither bound
      assertThat(items).as("shard " + shard).hasSizeBetween(6, 40);
      items.forEach(item -> found.put(item.itemId(), item.shard()));
    }
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void aReleasedCardIsDueAgainWhenItsVerificationWindowEndsWhilePending() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    PaymentMethod other = dueCard(t.store(), START, START.minus(Duration.ofMinutes(30)));
    assertThat(dueIds(t.index(), START))
        .containsExactly(card.paymentMethodId(), other.paymentMethodId());

    PaymentMethod released = updated(t.store(), card.withCheck(card.check().releasedAt(START)));

    assertThat(dueIds(t.index(), START)).containsExactly(other.paymentMethodId());
    assertThat(dueIds(t.index(), released.check().expiresAt()))
        .containsExactly(other.paymentMethodId(), released.paymentMethodId());
  }

  @Test
  void aCardStopsBeingDueOnceItsChargesAreReleasedAndItIsNoLongerPending() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    PaymentMethod other = dueCard(t.store(), START, START.minus(Duration.ofMinutes(30)));

    PaymentMethod released =
        updated(
            t.store(),
            card.withCheck(card.check().releasedAt(START))
                .withStatus(PaymentMethodStatus.VERIFIED));

    assertThat(dueIds(t.index(), START)).containsExactly(other.paymentMethodId());
    updated(t.store(), released.withStatus(PaymentMethodStatus.REMOVED));
    assertThat(dueIds(t.index(), START.plus(Duration.ofDays(30))))
        .containsExactly(other.paymentMethodId());
  }

  @Test
  void aCardGivenUpBeforeItsChargesAreReleasedStaysDue() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.plus(Duration.ofHours(24)));

    PaymentMethod removed = updated(t.store(), card.withStatus(PaymentMethodStatus.REMOVED));

    assertThat(dueIds(t.index(), START)).isEmpty();
    assertThat(dueIds(t.index(), START.plus(Duration.ofHours(24))))
        .containsExactly(removed.paymentMethodId());
  }

  @Test
  void aRetryMovesTheItemLaterAndCountsItsAttempts() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    DueItem read = only(t.index(), START);
    Instant later = START.plus(Duration.ofMinutes(15));

    assertThat(t.index().retryAt(read, later, 1)).isTrue();

    assertThat(dueIds(t.index(), later.minusNanos(1))).isEmpty();
    DueItem again = only(t.index(), later);
    assertThat(again.dueAt()).isEqualTo(later);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.shard()).isEqualTo(read.shard());
    assertThat(t.index().retryAt(read, later.plusSeconds(60), 2))
        .as("read before the retry moved it: changes nothing")
        .isFalse();
    assertThat(only(t.index(), later)).isEqualTo(again);
    assertThat(t.store().find(card.accountId(), card.paymentMethodId()).orElseThrow())
        .as("the card itself is untouched")
        .isEqualTo(Records.withVersion(card, 1));
  }

  @Test
  void aWriteOfTheCardPutsItBackOnItsOwnDueTimeWithNoAttempts() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    t.index().retryAt(only(t.index(), START), START.plus(Duration.ofHours(2)), 3);

    updated(t.store(), card.withCheck(card.check().withFailedAttempt()));

    DueItem item = only(t.index(), START);
    assertThat(item.dueAt()).isEqualTo(START.minus(Duration.ofHours(1)));
    assertThat(item.attempts()).isZero();
  }

  @Test
  void aDeadLetterIsOnNoShardAndListedForOperatorsUntilTheCardIsWrittenAgain() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    PaymentMethod other = dueCard(t.store(), START, START.minus(Duration.ofMinutes(1)));
    DueItem read =
        t
            .index()
            .due(t.index().shards().of(card.paymentMethodId()), START, Optional.empty(), 10)
            .items()
            .stream()
            .filter(i -> i.itemId().equals(card.paymentMethodId()))
            .findFirst()
            .orElseThrow();

    assertThat(t.index().deadLetter(read, 5)).isTrue();

    assertThat(dueIds(t.index(), START.plus(Duration.ofDays(30))))
        .containsExactly(other.paymentMethodId());
    List<DueItem> dead = t.index().deadLetters(Optional.empty(), 10).items();
    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.itemId()).isEqualTo(card.paymentMethodId());
              assertThat(d.attempts()).isEqualTo(5);
            });
    assertThat(t.index().deadLetter(read, 5)).as("no longer as read").isFalse();
    assertThat(t.index().retryAt(read, START, 5)).as("no longer as read").isFalse();

    updated(t.store(), card.withCheck(card.check().withFailedAttempt()));
    assertThat(t.index().deadLetters(Optional.empty(), 10).items()).isEmpty();
    assertThat(dueIds(t.index(), START))
        .containsExactly(card.paymentMethodId(), other.paymentMethodId());
  }

  @Test
  void aRetryOfAnItemFinishedMeanwhileChangesNothing() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(1)));
    DueItem read = only(t.index(), START);
    updated(
        t.store(),
        card.withCheck(card.check().releasedAt(START)).withStatus(PaymentMethodStatus.VERIFIED));

    assertThat(t.index().retryAt(read, START.plusSeconds(900), 1)).isFalse();
    assertThat(t.index().deadLetter(read, 5)).isFalse();

    assertThat(dueIds(t.index(), START.plus(Duration.ofDays(30)))).isEmpty();
    assertThat(t.index().deadLetters(Optional.empty(), 10).items()).isEmpty();
  }

  // PayPal links --------------------------------------------------------------------------------

  @Test
  void aPayPalLinkWaitingForItsPayerIsDueWhenItsApprovalWindowEnds() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod link =
        created(
            t.store(),
            Records.pendingPayPal(
                Records.accountId(), START.minus(PayPalLink.APPROVAL_WINDOW).minusSeconds(1)));
    Instant windowEnds = link.paypal().approvalExpiresAt();

    assertThat(dueIds(t.index(), windowEnds.minusNanos(1))).isEmpty();
    assertThat(only(t.index(), START))
        .isEqualTo(
            new DueItem(
                DueKind.PAYPAL_LINK,
                link.accountId(),
                link.paymentMethodId(),
                t.index().shards().of(link.paymentMethodId()),
                windowEnds,
                0));
  }

  @Test
  void aReturnedPayPalLinkIsDueAfterTheGraceAndOffTheIndexOnceActive() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod pending = created(t.store(), Records.pendingPayPal(Records.accountId(), START));
    PaymentMethod card = dueCard(t.store(), START, START.plus(Duration.ofHours(1)));

    PaymentMethod returned =
        updated(t.store(), pending.withPayPal(pending.paypal().returned(START)));

    Instant graceEnds = START.plus(PayPalLink.COMPLETION_GRACE);
    assertThat(dueIds(t.index(), graceEnds.minusNanos(1))).isEmpty();
    DueItem item = only(t.index(), graceEnds);
    assertThat(item.kind()).isEqualTo(DueKind.PAYPAL_LINK);
    assertThat(item.dueAt()).isEqualTo(graceEnds);
    updated(
        t.store(),
        returned
            .withPayPal(returned.paypal().withPaymentToken("pt_1", "payer@example.com"))
            .withStatus(PaymentMethodStatus.ACTIVE));
    assertThat(dueIds(t.index(), START.plus(Duration.ofDays(30))))
        .containsExactly(card.paymentMethodId());
  }

  @Test
  void aPayPalLinkGivenUpWhileWaitingIsOffTheIndex() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod pending = created(t.store(), Records.pendingPayPal(Records.accountId(), START));

    updated(t.store(), pending.withStatus(PaymentMethodStatus.CANCELLED));

    assertThat(dueIds(t.index(), START.plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void aCardAndAPayPalLinkComeBackEachWithItsOwnKind() {
    Table t = newTable(clock, new DueShards(1));
    PaymentMethod card = dueCard(t.store(), START, START.minus(Duration.ofHours(2)));
    PaymentMethod link =
        created(
            t.store(),
            Records.pendingPayPal(
                Records.accountId(), START.minus(PayPalLink.APPROVAL_WINDOW).minusSeconds(5)));

    List<DueItem> page = t.index().due(0, START, Optional.empty(), 10).items();

    assertThat(page)
        .extracting(DueItem::itemId, DueItem::kind)
        .containsExactly(
            tuple(card.paymentMethodId(), DueKind.CARD_VERIFICATION),
            tuple(link.paymentMethodId(), DueKind.PAYPAL_LINK));
  }

  @Test
  void aPayPalLinkIsRetriedAndDeadLetteredAsItsOwnKind() {
    Table t = newTable(clock, DueShards.DEFAULT);
    PaymentMethod link =
        created(
            t.store(),
            Records.pendingPayPal(
                Records.accountId(), START.minus(PayPalLink.APPROVAL_WINDOW).minusSeconds(1)));
    Instant later = START.plus(Duration.ofMinutes(15));

    assertThat(t.index().retryAt(only(t.index(), START), later, 1)).isTrue();
    DueItem again = only(t.index(), later);
    assertThat(again.kind()).isEqualTo(DueKind.PAYPAL_LINK);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(t.index().deadLetter(again, 2)).isTrue();

    assertThat(t.index().deadLetters(Optional.empty(), 10).items())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(DueKind.PAYPAL_LINK);
              assertThat(d.itemId()).isEqualTo(link.paymentMethodId());
              assertThat(d.attempts()).isEqualTo(2);
            });
  }
}
