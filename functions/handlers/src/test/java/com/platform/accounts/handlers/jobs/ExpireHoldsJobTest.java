package com.platform.accounts.handlers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.ChargeRelease;
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
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aFailingReleaseIsReportedAndCountedAndTheOthersAreReleased() {
    threeCardsDue();
    t.cards.failNext("voidHold", Fault.UNAVAILABLE_BEFORE);

    assertThat(job.handleRequest(schedule, null))
        .isEqualTo(Map.of("released", 2, "failed", 1, "left", 0));
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isEqualTo(1);
    assertThat(standing()).isEqualTo(1);

    assertThat(job.handleRequest(schedule, null))
        .isEqualTo(Map.of("released", 1, "failed", 0, "left", 0));
    assertThat(standing()).isZero();
  }

  @Test
  void theJobStartsNoCardOnceLessThanItsSafetyMarginIsLeft() {
    threeCardsDue();
    AtomicInteger asked = new AtomicInteger();
    int plenty = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis() + 60_000;
    int tooLittle = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis() - 1;
    FakeContext runningOut =
        new FakeContext(() -> asked.incrementAndGet() == 1 ? plenty : tooLittle);

    assertThat(job.handleRequest(schedule, runningOut))
        .isEqualTo(Map.of("released", 1, "failed", 0, "left", 2));
    assertThat(standing()).isEqualTo(2);

    assertThat(job.handleRequest(schedule, new FakeContext(() -> plenty)))
        .as("the next run takes what was left")
        .isEqualTo(Map.of("released", 2, "failed", 0, "left", 0));
  }

  @Test
  void withTheMarginExactlyLeftTheJobStartsNothing() {
    threeCardsDue();
    int margin = (int) ExpireHoldsJob.SAFETY_MARGIN.toMillis();

    assertThat(job.handleRequest(schedule, new FakeContext(() -> margin)))
        .isEqualTo(Map.of("released", 0, "failed", 0, "left", 3));
    assertThat(standing()).isEqualTo(3);
  }
}
