package com.platform.accounts.handlers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.FakeContext;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpireHoldsJobTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final List<String> NUMBERS =
      List.of("4111111111111343", "4111111111111350", "4111111111111368");
  private final TestLifecycle t = new TestLifecycle();
  private final ExpireHoldsJob job = TestHandlers.expireHoldsJob(t.lifecycle);
  private final Map<String, Object> schedule = Events.task("ExpireHoldsFunction-schedule.json");

  /** A card on each of three accounts, its charges due for release. */
  private void threeCardsDue() {
    for (int i = 0; i < NUMBERS.size(); i++) {
      String email = "holder" + i + "@example.com";
      CodeSent sent =
          t.lifecycle
              .signups()
              .start(
                  new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                  new Validation());
      String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
      t.lifecycle
          .chargePlacement()
          .add(t.provePhone(id), t.cards.tokenize(NUMBERS.get(i), 12, 2030, "123", "Ana Silva"));
    }
    t.clock.advanceBy(Duration.ofHours(24));
  }

  private long standing() {
    return NUMBERS.stream()
        .map(n -> t.cards.statement(n.substring(12)))
        .filter(
            lines ->
                lines.stream()
                    .map(Transaction::status)
                    .toList()
                    .equals(List.of("AUTHORIZED", "CAPTURED")))
        .count();
  }

  private static Map<String, Object> answer(int finished, int failed, int left) {
    return Map.of("finished", finished, "failed", failed, "deadLettered", 0, "left", left);
  }

  @Test
  void aFailingReleaseIsReportedAndCountedAndRetriedAfterItsBackoffWhileTheOthersAreReleased() {
    threeCardsDue();
    t.cards.failNext("voidHold", Fault.UNAVAILABLE_BEFORE);

    assertThat(job.handleRequest(schedule, null)).isEqualTo(answer(2, 1, 0));
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isEqualTo(1);
    assertThat(t.lifecycle.telemetry().counted(DueSweep.RETRIED)).isEqualTo(1);
    assertThat(standing()).isEqualTo(1);

    assertThat(job.handleRequest(schedule, null))
        .as("not before its backoff")
        .isEqualTo(answer(0, 0, 0));
    t.clock.advanceBy(DueSweep.FIRST_RETRY);
    assertThat(job.handleRequest(schedule, null)).isEqualTo(answer(1, 0, 0));
    assertThat(standing()).isZero();
  }

  @Test
  void thePlanNamesEveryShardForTheFanOut() {
    assertThat(job.handleRequest(Events.task("ExpireHoldsFunction-plan.json"), null))
        .isEqualTo(Map.of("shards", IntStream.range(0, 16).boxed().toList()));
  }

  @Test
  void aShardsInvocationReleasesTheCardsOfThatShardOnly() {
    threeCardsDue();
    List<PaymentMethod> cards = cards();
    int shard = t.table.dueIndex().shards().of(cards.get(0).paymentMethodId());
    long onShard =
        cards.stream()
            .filter(pm -> t.table.dueIndex().shards().of(pm.paymentMethodId()) == shard)
            .count();

    assertThat(job.handleRequest(Map.of("shard", shard), null))
        .isEqualTo(answer((int) onShard, 0, 0));
    assertThat(standing()).isEqualTo(3 - onShard);
    assertThat(job.handleRequest(schedule, null)).isEqualTo(answer(3 - (int) onShard, 0, 0));
  }

  @Test
  void aShardThatDoesNotExistIsRefused() {
    assertThatThrownBy(() -> job.handleRequest(Map.of("shard", 16), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withTheMarginExactlyLeftTheJobStartsNothingAndTheNextRunTakesEverything() {
    threeCardsDue();
    int margin = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis();

    assertThat(job.handleRequest(schedule, new FakeContext(() -> margin)))
        .isEqualTo(answer(0, 0, 0));
    assertThat(standing()).isEqualTo(3);

    assertThat(job.handleRequest(schedule, new FakeContext(() -> margin + 60_000)))
        .isEqualTo(answer(3, 0, 0));
    assertThat(standing()).isZero();
  }

  @Test
  void theTimeRunningShortMidRunStopsTheStartsAndWhatIsLeftIsTakenNextRun() {
    threeCardsDue();
    AtomicInteger asked = new AtomicInteger();
    int plenty = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis() + 60_000;
    int tooLittle = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis() - 1;
    // enough for the first shard's page and one start; then short
    FakeContext runningOut =
        new FakeContext(() -> asked.incrementAndGet() <= 2 ? plenty : tooLittle);

    Map<String, Object> cut = job.handleRequest(schedule, runningOut);

    int finished = (int) cut.get("finished");
    assertThat(finished).isLessThanOrEqualTo(1);
    assertThat(standing()).isEqualTo(3 - finished);
    assertThat(job.handleRequest(schedule, new FakeContext(() -> plenty)))
        .isEqualTo(answer(3 - finished, 0, 0));
  }

  private List<PaymentMethod> cards() {
    return IntStream.of(t.table.dueIndex().shards().all())
        .boxed()
        .flatMap(
            s ->
                t
                    .table
                    .dueIndex()
                    .due(s, t.clock.instant(), Optional.empty(), 100)
                    .items()
                    .stream())
        .map(i -> t.table.paymentMethods().find(i.ownerId(), i.itemId()).orElseThrow())
        .toList();
  }
}
