package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.idempotency.IdempotencyRecord;
import com.platform.accounts.core.port.IdempotencyStore;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} does: one claim per key while the record lives (also under
 * simultaneous claims), exact round trips of in-progress and completed records, release, and
 * expired records invisible and claimable.
 */
public abstract class IdempotencyStoreContract {
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final int SIMULTANEOUS_CLAIMS = 8;

  protected final ManualClock clock = new ManualClock(START);
  private IdempotencyStore records;

  /** A fresh store on an empty (or unrelated) table that reads the time from {@code clock}. */
  protected abstract IdempotencyStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    records = newStore(clock);
  }

  private Instant now() {
    return clock.instant();
  }

  private static String key() {
    return Ids.next("idem");
  }

  private IdempotencyRecord inProgress(String key, String requestHash) {
    return IdempotencyRecord.inProgress(key, requestHash, now().plus(RETENTION));
  }

  @Test
  void aClaimStoresTheInProgressRecord() {
    IdempotencyRecord claim = inProgress(key(), "hash-1");

    assertThat(records.claim(claim)).isTrue();

    assertThat(records.find(claim.key(), now())).contains(claim);
  }

  @Test
  void aSecondClaimOfALiveKeyFailsAndChangesNothing() {
    IdempotencyRecord first = inProgress(key(), "hash-1");
    records.claim(first);

    assertThat(records.claim(inProgress(first.key(), "hash-2"))).isFalse();

    assertThat(records.find(first.key(), now())).contains(first);
  }

  @Test
  void simultaneousClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
    String key = key();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS_CLAIMS);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < SIMULTANEOUS_CLAIMS; i++) {
        IdempotencyRecord claim = inProgress(key, "hash-" + i);
        Callable<Boolean> attempt =
            () -> {
              start.await();
              return records.claim(claim);
            };
        claims.add(pool.submit(attempt));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void completeReplacesTheClaimWithTheAnswer() {
    String key = key();
    records.claim(inProgress(key, "hash-1"));
    IdempotencyRecord completed =
        new IdempotencyRecord(
            key,
            "hash-1",
            true,
            "the first answer, as its caller serialized it",
            now().plus(RETENTION));

    records.complete(completed);

    assertThat(records.find(key, now())).contains(completed);
    assertThat(records.claim(inProgress(key, "hash-1"))).isFalse();
  }

  @Test
  void anAnswerIsKeptCharacterForCharacter() {
    String key = key();
    records.claim(inProgress(key, "hash-1"));
    String answer =
        "  leading and trailing blanks, \"quotes\", \\ , tabs\t, lines\n"
            + "and text beyond ASCII: é, 日本, 😀  ";
    IdempotencyRecord completed =
        new IdempotencyRecord(key, "hash-1", true, answer, now().plus(RETENTION));

    records.complete(completed);

    assertThat(records.find(key, now()).map(IdempotencyRecord::answer)).contains(answer);
  }

  @Test
  void releaseForgetsTheClaim() {
    String key = key();
    records.claim(inProgress(key, "hash-1"));

    records.release(key);

    assertThat(records.find(key, now())).isEmpty();
    assertThat(records.claim(inProgress(key, "hash-2"))).isTrue();
  }

  @Test
  void releaseOfAnUnknownKeyDoesNothing() {
    String key = key();

    records.release(key);

    assertThat(records.find(key, now())).isEmpty();
  }

  @Test
  void anExpiredRecordIsInvisibleAndCanBeClaimedAgain() {
    IdempotencyRecord old = inProgress(key(), "hash-1");
    records.claim(old);

    assertThat(records.find(old.key(), old.expiresAt().minusNanos(1))).isPresent();
    assertThat(records.find(old.key(), old.expiresAt())).isEmpty();

    clock.advanceBy(RETENTION);
    IdempotencyRecord renewed = inProgress(old.key(), "hash-2");
    assertThat(records.claim(renewed)).isTrue();
    assertThat(records.find(old.key(), now())).contains(renewed);
  }
}
