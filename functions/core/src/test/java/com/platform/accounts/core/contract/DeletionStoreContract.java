package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.deletion.DeletionStatus;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DeletionStore;
import com.platform.accounts.core.port.DueIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeletionStore} does: exact round trips (nulls and totals included), version 1
 * on create and +1 per update, one deletion per account, conditional updates, and a deletion on the
 * due-index (kind ACCOUNT_DELETION, due at {@link Deletion#dueAt}) exactly while it has work
 * falling due.
 */
public abstract class DeletionStoreContract {
  protected final ManualClock clock = new ManualClock(START);
  private static final DueShards SHARDS = new DueShards(4);
  private DeletionStore store;
  private DueIndex index;

  /** The deletions and the due-index of one fresh table with {@code shards}. */
  public record Table(DeletionStore store, DueIndex index) {}

  protected abstract Table newTable(Clock clock, DueShards shards);

  @BeforeEach
  void createStore() {
    Table table = newTable(clock, SHARDS);
    store = table.store();
    index = table.index();
  }

  private static Deletion pending(String accountId) {
    return Deletion.pendingFinalCharges(
        "del_" + accountId, accountId, START, START.plus(Duration.ofHours(48)));
  }

  private static Deletion withVersion(Deletion d, long version) {
    return new Deletion(
        d.deletionId(),
        d.accountId(),
        d.status(),
        d.requestedAt(),
        d.finalChargesBy(),
        d.nextAttemptAt(),
        d.paymentAttempts(),
        d.deletedAt(),
        d.erased(),
        d.totalCharged(),
        d.totalPaid(),
        version);
  }

  /** Every due item of every shard, due by {@code now}. */
  private List<DueItem> dueBy(Instant now) {
    List<DueItem> items = new ArrayList<>();
    for (int shard : SHARDS.all()) {
      items.addAll(index.due(shard, now, Optional.empty(), 100).items());
    }
    return items;
  }

  @Test
  void createStoresEveryFieldWithVersionOne() {
    Deletion deletion = pending(Records.accountId());

    store.create(deletion);

    assertThat(store.find(deletion.accountId())).contains(withVersion(deletion, 1));
    assertThat(store.find(Records.accountId())).isEmpty();
  }

  @Test
  void aSecondDeletionOfTheSameAccountIsRefused() {
    Deletion first = pending(Records.accountId());
    store.create(first);
    Deletion second = Deletion.deletedAt("del_other", first.accountId(), START);

    assertThatThrownBy(() -> store.create(second))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(store.find(first.accountId()).orElseThrow().deletionId())
        .isEqualTo(first.deletionId());
  }

  @Test
  void updateStoresTheNextVersionAndRefusesAStaleOne() {
    Deletion stored = withVersion(pending(Records.accountId()), 0);
    store.create(stored);
    Deletion read = store.find(stored.accountId()).orElseThrow();
    Instant next = START.plus(Duration.ofHours(1));

    store.update(read.paymentFailed(next));

    Deletion after = store.find(stored.accountId()).orElseThrow();
    assertThat(after).isEqualTo(withVersion(read.paymentFailed(next), 2));
    assertThat(after.status()).isEqualTo(DeletionStatus.PENDING_PAYMENT);
    assertThatThrownBy(() -> store.update(read.deleted(START)))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.find(stored.accountId())).contains(after);
  }

  @Test
  void anErasedDeletionKeepsItsTotals() {
    Deletion deleted =
        Deletion.deletedAt("del_x" + Records.accountId(), Records.accountId(), START);
    store.create(deleted);
    Deletion read = store.find(deleted.accountId()).orElseThrow();

    store.update(read.erased(Money.usd("12.40"), Money.usd("12.40")));

    Deletion after = store.find(deleted.accountId()).orElseThrow();
    assertThat(after.erased()).isTrue();
    assertThat(after.totalCharged()).isEqualTo(Money.usd("12.40"));
    assertThat(after.totalPaid()).isEqualTo(Money.usd("12.40"));
  }

  @Test
  void aDeletionIsDueWhileItHasWorkAndOffTheIndexOnceErased() {
    Deletion deletion = pending(Records.accountId());
    store.create(deletion);

    assertThat(dueBy(deletion.finalChargesBy().minusNanos(1))).isEmpty();
    assertThat(dueBy(deletion.finalChargesBy()))
        .containsExactly(
            new DueItem(
                DueKind.ACCOUNT_DELETION,
                deletion.accountId(),
                deletion.deletionId(),
                SHARDS.of(deletion.deletionId()),
                deletion.finalChargesBy(),
                0));

    Deletion deleted = store.find(deletion.accountId()).orElseThrow().deleted(START);
    store.update(deleted);
    assertThat(dueBy(START)).extracting(DueItem::dueAt).containsExactly(START);

    store.update(
        store.find(deletion.accountId()).orElseThrow().erased(Money.usd("0"), Money.usd("0")));
    assertThat(dueBy(START.plus(Duration.ofDays(365)))).isEmpty();
  }
}
