package com.platform.accounts.core.due;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.contract.DueIndexContract;
import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.port.DueIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DueSweepTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final InMemoryTable table = new InMemoryTable(clock, new DueShards(1));
  private final DueIndex index = table.dueIndex();
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();

  /** {@code count} cards due a second apart, the first an hour ago; their ids in due order. */
  private List<String> cardsDue(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PaymentMethod pm =
          DueIndexContract.aCardDueAt(clock.instant().minus(Duration.ofHours(1)).plusSeconds(i));
      table.paymentMethods().create(pm);
      ids.add(pm.paymentMethodId());
    }
    return ids;
  }

  private DueSweep sweep(DueWork work, int lanes) {
    return new DueSweep(
        index,
        Map.of(DueKind.CARD_VERIFICATION, work),
        telemetry,
        clock,
        () -> Lanes.threads(lanes));
  }

  /** Work that takes the card off the index, as releasing and failing it would. */
  private void takeOff(DueItem item) {
    PaymentMethod pm = table.paymentMethods().find(item.ownerId(), item.itemId()).orElseThrow();
    table
        .paymentMethods()
        .update(
            pm.withCheck(pm.check().releasedAt(clock.instant()))
                .withStatus(PaymentMethodStatus.FAILED));
    finished.add(item.itemId());
  }

  private Optional<DueItem> onIndex(String id, Instant now) {
    return index.due(0, now, Optional.empty(), 1000).items().stream()
        .filter(i -> i.itemId().equals(id))
        .findFirst();
  }

  @Test
  void everyDueItemOfTheShardIsFinishedAcrossPages() {
    List<String> ids = cardsDue(DueSweep.PAGE * 2 + 7);

    DueSweep.Result result = sweep(this::takeOff, 8).sweep(0, () -> true);

    assertThat(result).isEqualTo(new DueSweep.Result(ids.size(), 0, 0, 0));
    assertThat(finished).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(index.due(0, clock.instant(), Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void itemsOfAKindWithoutWorkArePassedOverNotFailed() {
    List<String> cards = cardsDue(2);
    Deletion deletion =
        Deletion.deletedAt("del_sweep", "acc_sweep", clock.instant().minus(Duration.ofHours(1)));
    table.deletions().create(deletion);

    DueSweep.Result result = sweep(this::takeOff, 2).sweep(0, () -> true);

    assertThat(result).isEqualTo(new DueSweep.Result(2, 0, 0, 0));
    assertThat(finished).containsExactlyInAnyOrderElementsOf(cards);
    assertThat(onIndex("del_sweep", clock.instant())).map(DueItem::attempts).contains(0);
    assertThat(telemetry.counted(DueSweep.RETRIED)).isZero();
  }

  @Test
  void aWorkerRunsAsManyItemsAtOnceAsItHasLanesAndNoMore() throws InterruptedException {
    cardsDue(24);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch allLanesBusy = new CountDownLatch(8);
    DueWork slow =
        item -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          allLanesBusy.countDown();
          try {
            // the first eight wait for one another: only lanes running side by side get past
            assertThat(allLanesBusy.await(10, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          running.decrementAndGet();
          takeOff(item);
        };

    assertThat(sweep(slow, 8).sweep(0, () -> true).finished()).isEqualTo(24);
    assertThat(most.get()).isEqualTo(8);
  }

  @Test
  void aFailingItemIsRetriedWithADoublingBackoffThenDeadLetteredAndCountedWhileTheOthersFinish() {
    List<String> ids = cardsDue(30);
    String poison = ids.get(0);
    DueWork work =
        item -> {
          if (item.itemId().equals(poison)) {
            throw new IllegalStateException("processor refuses this card");
          }
          takeOff(item);
        };
    DueSweep sweep = sweep(work, 4);

    assertThat(sweep.sweep(0, () -> true)).isEqualTo(new DueSweep.Result(29, 1, 0, 0));
    assertThat(finished).hasSize(29);
    Duration waited = Duration.ZERO;
    for (int attempt = 1; attempt < DueSweep.MAX_ATTEMPTS; attempt++) {
      DueItem item = onIndex(poison, clock.instant().plus(Duration.ofDays(1))).orElseThrow();
      assertThat(item.attempts()).isEqualTo(attempt);
      Duration backoff = DueSweep.FIRST_RETRY.multipliedBy(1L << (attempt - 1));
      assertThat(item.dueAt()).isEqualTo(clock.instant().plus(backoff));
      clock.advanceBy(backoff.minusSeconds(1));
      assertThat(sweep.sweep(0, () -> true))
          .as("not due before its backoff")
          .isEqualTo(new DueSweep.Result(0, 0, 0, 0));
      clock.advanceBy(Duration.ofSeconds(1));
      waited = waited.plus(backoff);
      DueSweep.Result again = sweep.sweep(0, () -> true);
      assertThat(again.failed()).isEqualTo(1);
      assertThat(again.deadLettered()).isEqualTo(attempt + 1 == DueSweep.MAX_ATTEMPTS ? 1 : 0);
    }

    assertThat(waited).isEqualTo(Duration.ofMinutes(15 + 30 + 60 + 120));
    assertThat(onIndex(poison, clock.instant().plus(Duration.ofDays(365)))).isEmpty();
    assertThat(index.deadLetters(Optional.empty(), 10).items())
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.itemId()).isEqualTo(poison);
              assertThat(dead.attempts()).isEqualTo(DueSweep.MAX_ATTEMPTS);
            });
    assertThat(telemetry.counted(DueSweep.RETRIED)).isEqualTo(DueSweep.MAX_ATTEMPTS - 1);
    assertThat(telemetry.counted(DueSweep.DEAD_LETTERED)).isEqualTo(1);
    assertThat(sweep.sweep(0, () -> true))
        .as("the sweep reads no dead letter")
        .isEqualTo(new DueSweep.Result(0, 0, 0, 0));
  }

  @Test
  void aPoisonItemFirstInDueOrderHoldsUpNothingBehindIt() {
    List<String> ids = cardsDue(3 * DueSweep.PAGE);
    DueWork work =
        item -> {
          if (item.itemId().equals(ids.get(0))) {
            throw new IllegalStateException("poison");
          }
          takeOff(item);
        };

    DueSweep.Result result = sweep(work, 8).sweep(0, () -> true);

    assertThat(result.finished()).isEqualTo(ids.size() - 1);
    assertThat(finished).containsExactlyInAnyOrderElementsOf(ids.subList(1, ids.size()));
  }

  @Test
  void noItemStartsOnceTheTimeIsUpAndTheUnstartedOnesAreLeftForTheNextRun() {
    List<String> ids = cardsDue(10);
    AtomicInteger asked = new AtomicInteger();
    // yes to the page and the first three items, then no
    BooleanSupplier threeItems = () -> asked.incrementAndGet() <= 4;

    DueSweep.Result cut = sweep(this::takeOff, 1).sweep(0, threeItems);

    assertThat(cut).isEqualTo(new DueSweep.Result(3, 0, 0, 7));
    assertThat(finished).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
    assertThat(sweep(this::takeOff, 1).sweep(0, () -> true).finished()).isEqualTo(7);
  }

  @Test
  void withNoTimeLeftNothingIsReadOrStarted() {
    cardsDue(3);

    assertThat(sweep(this::takeOff, 8).sweep(0, () -> false))
        .isEqualTo(new DueSweep.Result(0, 0, 0, 0));
    assertThat(finished).isEmpty();
  }
}
