package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.support.CapturedLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeReleaseTest extends CardTestSupport {

  /** Three cards of three accounts, added in this order, with their charges standing. */
  private List<PaymentMethod> threeCards() {
    return List.of(
        placement.add(account("US"), token("4111111111111343")),
        placement.add(account("US"), token("4111111111111350")),
        placement.add(account("US"), token("4111111111111368")));
  }

  @Test
  void theChargesAreReleasedWithinTwentyFourHoursAndTheCodeStillWorksForSevenDays() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111137"));
    String code = descriptorCode("1137");

    t.clock.advanceBy(Duration.ofHours(22).plusMinutes(59));
    assertThat(sweep()).isEqualTo(new DueSweep.Result(0, 0, 0, 0));
    t.clock.advanceBy(Duration.ofMinutes(1));
    assertThat(sweep()).isEqualTo(new DueSweep.Result(1, 0, 0, 0));
    assertThat(sweep().finished()).isZero();
    assertThat(processor.statement("1137"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");

    t.clock.advanceBy(Duration.ofDays(5));
    assertThat(
            answers
                .verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code))
                .status())
        .isEqualTo(PaymentMethodStatus.VERIFIED);
    assertThat(processor.calls("voidHold")).isEqualTo(1);
    assertThat(processor.calls("refund")).isEqualTo(1);
  }

  @Test
  void afterSevenDaysTheVerificationHasExpired() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111145"));
    String code = descriptorCode("1145");
    t.clock.advanceBy(Duration.ofDays(7));

    assertThat(release.expire(ana.accountId(), pm.paymentMethodId())).isEqualTo("FAILED");
    assertThat(
            problemOf(
                    () ->
                        answers.verify(
                            ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code)))
                .code())
        .isEqualTo(ErrorCode.VERIFICATION_EXPIRED);
    assertThat(t.lastMessage(ana.email()).subject()).contains("could not verify");
  }

  @Test
  void aCardAskedToExpireAMinuteBeforeItsSevenDaysEndStaysPendingAndItsCodeStillWorks() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111152"));
    String code = descriptorCode("1152");
    int mails = t.outbox.to(ana.email()).size();
    t.clock.advanceBy(CardVerification.OPEN_FOR.minusMinutes(1));

    assertThat(release.expire(ana.accountId(), pm.paymentMethodId()))
        .isEqualTo("PENDING_VERIFICATION");
    assertThat(t.outbox.to(ana.email())).hasSize(mails);
    assertThat(
            answers
                .verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code))
                .status())
        .isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void withoutAnyWorkflowTheJobStillFailsACardAfterSevenDaysAndFreesItsNumber() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111244"));

    t.clock.advanceBy(Duration.ofHours(23));
    sweep();
    t.clock.advanceBy(Duration.ofDays(6));
    assertThat(sweep().finished()).isZero();
    t.clock.advanceBy(Duration.ofHours(1));
    assertThat(sweep().finished()).isEqualTo(1);

    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(placement.add(account("US"), token("4111111111111244")).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aFailingReleaseIsCountedAndLoggedAndDoesNotStopTheOthers() {
    List<PaymentMethod> cards = threeCards();
    t.clock.advanceBy(Duration.ofHours(23));
    processor.failNext("voidHold", Fault.UNAVAILABLE_BEFORE);

    DueSweep.Result first;
    List<String> logged;
    try (CapturedLog log = CapturedLog.of(ChargeRelease.class)) {
      first = sweep();
      logged = log.lines();
    }

    assertThat(first).isEqualTo(new DueSweep.Result(2, 1, 0, 0));
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isEqualTo(1);
    List<PaymentMethod> standing =
        cards.stream().map(this::stored).filter(pm -> !pm.check().released()).toList();
    assertThat(standing).hasSize(1);
    PaymentMethod failed = standing.get(0);
    String last4 = failed.card().last4();
    assertThat(logged)
        .singleElement()
        .asString()
        .startsWith("WARNING CardReleaseFailed: payment method " + failed.paymentMethodId())
        .contains("PROCESSOR_UNAVAILABLE")
        .doesNotContain(descriptorCode(last4), failed.card().processorToken());
    assertThat(processor.statement(last4))
        .extracting(Transaction::status)
        .containsExactly("AUTHORIZED", "CAPTURED");

    t.clock.advanceBy(DueSweep.FIRST_RETRY);
    assertThat(sweep())
        .as("still due after its backoff, so a later run releases it")
        .isEqualTo(new DueSweep.Result(1, 0, 0, 0));
    assertThat(processor.statement(last4))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
  }

  @Test
  void aCardThatCannotBeFailedAfterSevenDaysIsCountedAsAnExpiryFailure() {
    MessageSender mailDown =
        message -> {
          throw new IllegalStateException("mail down");
        };
    ChargeRelease withoutMail =
        new ChargeRelease(
            t.table.paymentMethods(),
            t.table.accounts(),
            processor,
            mailDown,
            t.lifecycle.telemetry(),
            t.clock,
            "ACMECLOUD");
    PaymentMethod pm = placement.add(account("US"), token("4111111111111376"));
    t.clock.advanceBy(ChargePlacement.RELEASE_DUE_AFTER);
    sweep();
    t.clock.advanceBy(CardVerification.OPEN_FOR);

    assertThat(sweepWith(withoutMail)).isEqualTo(new DueSweep.Result(0, 1, 0, 0));

    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.EXPIRY_FAILED)).isEqualTo(1);
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isZero();
    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.FAILED);
  }

  @Test
  void releasingTwiceVoidsAndRefundsOnce() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111384"));

    PaymentMethod released = release.release(ana.accountId(), pm.paymentMethodId());
    release.release(ana.accountId(), pm.paymentMethodId());

    assertThat(released.check().releasedAt()).isEqualTo(t.clock.instant());
    assertThat(released.status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
    assertThat(processor.calls("voidHold")).isEqualTo(1);
    assertThat(processor.calls("refund")).isEqualTo(1);
  }

  @Test
  void aSecondReleaseKeepsTheTimeOfTheFirst() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111392"));
    PaymentMethod first = release.release(ana.accountId(), pm.paymentMethodId());
    t.clock.advanceBy(Duration.ofHours(1));

    PaymentMethod again = release.release(ana.accountId(), pm.paymentMethodId());

    assertThat(again).isEqualTo(first);
    assertThat(stored(pm).check().releasedAt()).isEqualTo(first.check().releasedAt());
  }

  @Test
  void theSevenDayTaskOnAnAnsweredCardChangesNothingAndTellsNoOne() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111400"));
    answers.verify(
        ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("1400")));
    PaymentMethod answered = stored(pm);
    int mails = t.outbox.to(ana.email()).size();
    t.clock.advanceBy(CardVerification.OPEN_FOR);

    assertThat(release.expire(ana.accountId(), pm.paymentMethodId())).isEqualTo("VERIFIED");

    assertThat(stored(pm)).as("not even rewritten").isEqualTo(answered);
    assertThat(t.outbox.to(ana.email())).hasSize(mails);
  }
}
