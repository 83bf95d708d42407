package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} does: counters taken by an atomic conditional increment that
 * never passes the limit, even under concurrent takes; a refused take changes nothing; the first
 * increment fixes the counter's lifetime, and an expired counter reads as zero.
 */
public abstract class RateLimitStoreContract {
  private static final Duration WINDOW = Duration.ofHours(1);

  protected final ManualClock clock = new ManualClock(START);
  private RateLimitStore counters;

  /** A fresh store on an empty (or unrelated) table that reads the time from {@code clock}. */
  protected abstract RateLimitStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    counters = newStore(clock);
  }

  private Instant now() {
    return clock.instant();
  }

  private static String key() {
    return "send:" + Ids.next("k");
  }

  @Test
  void eachIncrementBelowTheLimitCountsOne() {
    String key = key();

    assertThat(counters.increment(key, 3, now().plus(WINDOW))).isTrue();
    assertThat(counters.count(key, now())).isEqualTo(1);
    assertThat(counters.increment(key, 3, now().plus(WINDOW))).isTrue();
    assertThat(counters.count(key, now())).isEqualTo(2);
  }

  @Test
  void theIncrementPastTheLimitIsRefusedAndChangesNothing() {
    String key = key();
    counters.increment(key, 2, now().plus(WINDOW));
    counters.increment(key, 2, now().plus(WINDOW));

    assertThat(counters.increment(key, 2, now().plus(WINDOW))).isFalse();
    assertThat(counters.increment(key, 2, now().plus(WINDOW))).isFalse();

    assertThat(counters.count(key, now())).isEqualTo(2);
    assertThat(counters.increment(key, 3, now().plus(WINDOW)))
        .as("a higher limit admits the next event on the same counter")
        .isTrue();
  }

  @Test
  void aZeroLimitCountsNothing() {
    String key = key();

    assertThat(counters.increment(key, 0, now().plus(WINDOW))).isFalse();

    assertThat(counters.count(key, now())).isZero();
  }

  @Test
  void keysAreCountedApart() {
    String one = key();
    String other = key();
    counters.increment(one, 1, now().plus(WINDOW));

    assertThat(counters.increment(other, 1, now().plus(WINDOW))).isTrue();
    assertThat(counters.count(one, now())).isEqualTo(1);
    assertThat(counters.count(other, now())).isEqualTo(1);
  }

  @Test
  void unknownKeysCountZero() {
    assertThat(counters.count(key(), now())).isZero();
  }

  @Test
  void theFirstIncrementFixesTheLifetimeAndAnExpiredCounterReadsZero() {
    String key = key();
    Instant expiresAt = now().plus(WINDOW);
    counters.increment(key, 5, expiresAt);
    counters.increment(key, 5, expiresAt.plus(WINDOW));

    assertThat(counters.count(key, expiresAt.minusNanos(1))).isEqualTo(2);
    assertThat(counters.count(key, expiresAt)).isZero();
  }

  @Test
  void ofManyConcurrentIncrementsExactlyTheLimitSucceed() throws Exception {
    String key = key();
    int limit = 7;
    int takers = 24;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < takers; i++) {
        Callable<Boolean> take =
            () -> {
              go.await();
              return counters.increment(key, limit, START.plus(WINDOW));
            };
        results.add(pool.submit(take));
      }
      go.countDown();
      int counted = 0;
      for (Future<Boolean> result : results) {
        counted += result.get() ? 1 : 0;
      }

      assertThat(counted).isEqualTo(limit);
      assertThat(counters.count(key, now())).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }
}
