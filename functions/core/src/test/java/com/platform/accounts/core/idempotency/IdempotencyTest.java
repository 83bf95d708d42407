package com.platform.accounts.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.asl.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** Answers are numbered by run; "later:" marks one that is not final. */
  private static final Idempotency.Answers<String> ANSWERS = new Idempotency.Answers<>() {
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

    assertThat(store.find("k", clock.instant())).get()
        .extracting(IdempotencyRecord::answer).isEqualTo("stored answer 1");
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndRunsNothing() {
    idempotency.execute("k", "hash-1", request("answer "), ANSWERS);

    Problem reused = catchThrowableOfType(Problem.class,
        () -> idempotency.execute("k", "hash-2", request("answer "), ANSWERS));

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
    Throwable thrown = catchThrowableOfType(IllegalStateException.class,
        () -> idempotency.execute("k", "hash-1", () -> {
          throw failure;
        }, ANSWERS));

    assertThat(thrown).isSameAs(failure);
    assertThat(store.find("k", clock.instant())).isEmpty();
    assertThat(idempotency.execute("k", "hash-1", request("answer "), ANSWERS))
        .isEqualTo("answer 1");
  }

  @Test
  void aRetryWhileTheFirstStillRunsIsToldTheKeyIsInUse() {
    store.claim(IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(HOUR)));

    Problem inUse = catchThrowableOfType(Problem.class,
        () -> idempotency.execute("k", "hash-1", request("answer "), ANSWERS));

    assertThat(inUse.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
    assertThat(runs).hasValue(0);
  }

  @Test
  void aRetryOfADifferentRequestWhileTheFirstRunsIsARefusedReuse() {
    store.claim(IdempotencyRecord.inProgress("k", "hash-1", clock.instant().plus(HOUR)));

    Problem reused = catchThrowableOfType(Problem.class,
        () -> idempotency.execute("k", "hash-2", request("answer "), ANSWERS));

    assertThat(reused.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void theClaimOfARequestThatDiedLapsesAfterItsLease() {
    store.claim(IdempotencyRecord.inProgress("k", "hash-1",
        clock.instant().plus(Idempotency.LEASE)));
    clock.advanceBy(Idempotency.LEASE.minusSeconds(1));
    assertThat(catchThrowableOfType(Problem.class,
        () -> idempotency.execute("k", "hash-1", request("answer "), ANSWERS)).code())
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
}
