package com.platform.accounts.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** Answers are numbered by run; "later:" marks one that is not final. */
  private static final Idempotency.Answers<String> ANSWERS =
      new Idempotency.Answers<>() {
        @Override
        public boolean isFinal(String answer) {
          return !answer.startsWith("later:");
        }

        @Override
        public String serialize(String answer) {
          return "stored " + answer;
        }

        @Override
        public String deserialize(String serialized) {
          return serialized.substring("stored ".length());
        }
      };

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final IdempotencyStore store = new InMemoryTable(clock).idempotency();
  private final Idempotency idempotency = new Idempotency(store, clock);
  private final AtomicInteger runs = new AtomicInteger();

  private Supplier<String> request(String prefix) {
    return () -> prefix + runs.incrementAndGet();
  }

  @Test
  void aRetryGetsTheFirstAnswerWithoutRunningAgain() {
    String first = idempotency.execute("k", "hash-1", request("answer "), ANSWERS);
    String retry = idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    assertThat(first).isEqualTo("answer 1");
    assertThat(retry).isEqualTo("answer 1");
    assertThat(runs).hasValue(1);
  }

  @Test
  void theAnswerIsStoredInTheCallersSerializedForm() {
    idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    assertThat(store.find("k", clock.instant()))
        .get()
        .extracting(IdempotencyRecord::answer)
        .isEqualTo("stored answer 1");
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndRunsNothing() {
    idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    Problem reused =
        catchThrowableOfType(
            Problem.class, () -> idempotency.execute("k", "hash-2", request("answer "), ANSWERS));

    assertThat(reused.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    assertThat(runs).hasValue(1);
  }

  @Test
  void anAnswerThatIsNotFinalIsForgottenSoTheKeyRunsAgain() {
    String first = idempotency.execute("k", "hash-1", request("later:"), ANSWERS);
    String retry = idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    assertThat(first).isEqualTo("later:1");
    assertThat(retry).isEqualTo("answer 2");
    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 2");
  }

  @Test
  void aRequestThatThrowsReleasesItsKey() {
    IllegalStateException failure = new IllegalStateException("boom");
    Throwable thrown =
        catchThrowableOfType(
            IllegalStateException.class,
            () ->
                idempotency.execute(
                    "k",
                    "hash-1",
                    () -> {
                      throw failure;
                    },
                    ANSWERS));

    assertThat(thrown).isSameAs(failure);
    assertThat(store.find("k", clock.instant())).isEmpty();
    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 1");
  }

  @Test
  void aRetryWhileTheFirstStillRunsIsToldTheKeyIsInUse() {
    store.claim(IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(HOUR)));

    Problem inUse =
        catchThrowableOfType(
            Problem.class, () -> idempotency.execute("k", "hash-1", request("answer "), ANSWERS));

    assertThat(inUse.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
    assertThat(runs).hasValue(0);
  }

  @Test
  void aRetryOfADifferentRequestWhileTheFirstRunsIsARefusedReuse() {
    store.claim(IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(HOUR)));

    Problem reused =
        catchThrowableOfType(
            Problem.class, () -> idempotency.execute("k", "hash-2", request("answer "), ANSWERS));

    assertThat(reused.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void theClaimOfARequestThatDiedLapsesAfterItsLease() {
    store.claim(
        IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(Idempotency.LEASE)));
    clock.advanceBy(Idempotency.LEASE.minusSeconds(1));
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () -> idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
                .code())
        .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);

    clock.advanceBy(Duration.ofSeconds(1));

    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 1");
  }

  @Test
  void anAnswerIsReplayedForADayThenTheKeyRunsAgain() {
    idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    clock.advanceBy(Duration.ofHours(24).minusSeconds(1));
    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 1");
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 2");
  }

  @Test
  void aReplayReadsTheAnswerAndWritesNothing() {
    idempotency.execute("k", "hash-1", request("answer "), ANSWERS);
    CountingStore counting = new CountingStore(store);

    new Idempotency(counting, clock).execute("k", "hash-1", request("answer "), ANSWERS);

    assertThat(counting.finds).hasValue(1);
    assertThat(counting.writes).hasValue(0);
  }

  @Test
  void aRequestThatFindsItsKeyClaimedMeanwhileGetsTheOtherRequestsAnswer() {
    // another request claims and completes the key between this one's read and its claim
    IdempotencyStore racing =
        new ClaimedMeanwhile(
            store,
            () ->
                store.complete(
                    new IdempotencyRecord(
                        "k", "hash-1", true, "stored answer 0", clock.instant().plus(HOUR))));

    String answer =
        new Idempotency(racing, clock).execute("k", "hash-1", request("answer "), ANSWERS);

    assertThat(answer).isEqualTo("answer 0");
    assertThat(runs).hasValue(0);
  }

  @Test
  void aRequestThatFindsItsKeyClaimedMeanwhileByARunningRequestIsToldItIsInUse() {
    IdempotencyStore racing =
        new ClaimedMeanwhile(
            store,
            () ->
                store.claim(
                    IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(HOUR))));

    Problem inUse =
        catchThrowableOfType(
            Problem.class,
            () ->
                new Idempotency(racing, clock).execute("k", "hash-1", request("answer "), ANSWERS));

    assertThat(inUse.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
    assertThat(runs).hasValue(0);
  }

  @Test
  void aClaimLostToARequestThatIsGoneAgainIsStillInUseForThisTry() {
    // the other request claimed and released its key before this one could read it back
    IdempotencyStore racing = new ClaimedMeanwhile(store, () -> {});

    Problem inUse =
        catchThrowableOfType(
            Problem.class,
            () ->
                new Idempotency(racing, clock).execute("k", "hash-1", request("answer "), ANSWERS));

    assertThat(inUse.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
    assertThat(runs).hasValue(0);
  }

  /** Counts the reads and writes that reach the store. */
  private static final class CountingStore implements IdempotencyStore {
    private final IdempotencyStore store;
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();

    CountingStore(IdempotencyStore store) {
      this.store = store;
    }

    @Override
    public Optional<IdempotencyRecord> find(String key, Instant now) {
      finds.incrementAndGet();
      return store.find(key, now);
    }

    @Override
    public boolean claim(IdempotencyRecord inProgress) {
      writes.incrementAndGet();
      return store.claim(inProgress);
    }

    @Override
    public void complete(IdempotencyRecord completed) {
      writes.incrementAndGet();
      store.complete(completed);
    }

    @Override
    public void release(String key) {
      writes.incrementAndGet();
      store.release(key);
    }
  }

  /** A store whose claim is lost: {@code meanwhile} runs in its place and the claim fails. */
  private static final class ClaimedMeanwhile implements IdempotencyStore {
    private final IdempotencyStore store;
    private final Runnable meanwhile;

    ClaimedMeanwhile(IdempotencyStore store, Runnable meanwhile) {
      this.store = store;
      this.meanwhile = meanwhile;
    }

    @Override
    public Optional<IdempotencyRecord> find(String key, Instant now) {
      return store.find(key, now);
    }

    @Override
    public boolean claim(IdempotencyRecord inProgress) {
      meanwhile.run();
      return false;
    }

    @Override
    public void complete(IdempotencyRecord completed) {
      store.complete(completed);
    }

    @Override
    public void release(String key) {
      store.release(key);
    }
  }
}
