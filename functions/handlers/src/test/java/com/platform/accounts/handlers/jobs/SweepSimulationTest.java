package com.platform.accounts.handlers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.due.DueSweep;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The expire-holds sweep keeps up: a backlog of due cards released within 2 hours by the template's
 * concurrency (16 shards, 8 lanes each, a run every 5 minutes), and a poison card first in due
 * order delays nothing. By default a scaled run of 100,000 cards (seconds); {@code
 * -Dsweep.cards=1000000} runs the full million (README, "Sweeps").
 */
class SweepSimulationTest {
  private static final int CARDS = Integer.getInteger("sweep.cards", 100_000);

  private static void print(String name, SweepSimulation.Figures f) {
    System.out.printf(
        "%s: %,d cards, %d shards x %d lanes: all released %s after they fell due (median %s),"
            + " %d runs, %,d processor calls, %,d to %,d cards a shard, poison dead-lettered"
            + " after %s (%d dead letters); %,d ms of real time%n",
        name,
        f.cards(),
        f.shards(),
        f.lanes(),
        f.allReleasedAfter(),
        f.medianReleasedAfter(),
        f.runs(),
        f.processorCalls(),
        f.minPerShard(),
        f.maxPerShard(),
        f.poisonDeadLetteredAfter().map(Duration::toString).orElse("-"),
        f.deadLetteredCount(),
        f.realMillis());
  }

  @Test
  void aBacklogOfDueCardsIsReleasedWithinTwoHoursAndAPoisonCardDelaysNothing() {
    SweepSimulation clean = new SweepSimulation(CARDS, false, 7);
    SweepSimulation.Figures without = clean.run(Duration.ofHours(6));
    print("without poison", without);
    SweepSimulation poisoned = new SweepSimulation(CARDS, true, 7);
    SweepSimulation.Figures with = poisoned.run(Duration.ofHours(6));
    print("with a poison card first in due order", with);

    assertThat(without.allReleasedAfter()).isLessThan(Duration.ofHours(2));
    assertThat(without.processorCalls()).isEqualTo(2L * CARDS);
    // the poison card costs a lane five failed calls over 3 h 45 min, nothing else
    assertThat(with.allReleasedAfter())
        .isLessThanOrEqualTo(without.allReleasedAfter().plusSeconds(2));
    assertThat(poisoned.releasedAt(poisoned.poisonId())).isNull();
    assertThat(with.poisonDeadLetteredAfter()).isPresent();
    // four backoffs (15 + 30 + 60 + 120 min); a retry falls due behind the backlog of its shard,
    // so it waits for that too, and for the next run
    assertThat(with.poisonDeadLetteredAfter().get())
        .isBetween(
            Duration.ofMinutes(225),
            Duration.ofMinutes(225)
                .plus(with.allReleasedAfter())
                .plus(SweepSimulation.SCHEDULE.multipliedBy(4)));
    assertThat(with.deadLetteredCount()).isEqualTo(1);
    assertThat(poisoned.deadLetters().items())
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.itemId()).isEqualTo(poisoned.poisonId());
              assertThat(dead.attempts()).isEqualTo(DueSweep.MAX_ATTEMPTS);
            });
  }
}
