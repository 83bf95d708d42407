package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.CapturedLog;
import com.platform.accounts.core.verification.CodeSent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargePlacementTest extends CardTestSupport {

  @Test
  void addingACardPlacesAOneDollarHoldAndAMicrochargeWithACodeInItsDescriptor() {
    Account ana = account("US");

    PaymentMethod pm = placement.add(ana, token("4242424242424242"));

    assertThat(pm.status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
    assertThat(pm.check().attemptsRemaining()).isEqualTo(5);
    assertThat(pm.check().expiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofDays(7)));
    assertThat(pm.check().releaseDueAt()).isEqualTo(t.clock.instant().plus(Duration.ofHours(23)));
    List<Transaction> statement = processor.statement("4242");
    assertThat(statement).hasSize(2);
    assertThat(statement.get(0).amount()).isEqualTo(Money.usd("1.00"));
    assertThat(statement.get(0).status()).isEqualTo("AUTHORIZED");
    assertThat(statement.get(0).description()).isEqualTo("INTL*ACMECLOUD");
    Transaction micro = statement.get(1);
    assertThat(micro.status()).isEqualTo("CAPTURED");
    assertThat(micro.description()).matches(DESCRIPTOR.pattern());
    assertThat(micro.amount().amount()).isBetween(new BigDecimal("0.01"), new BigDecimal("0.99"));
    assertThat(t.workflows.cardVerifications).containsExactly(pm.paymentMethodId());
  }

  @Test
  void aLostAnswerFromTheProcessorIsFoundAgainAndNothingIsPlacedTwice() {
    Account ana = account("US");
    processor.failNext("authorizeHold", Fault.LOST_RESPONSE_AFTER);

    Problem p = problemOf(() -> placement.add(ana, token("4111111111111152")));
    assertThat(p.code()).isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1152"))
        .extracting(Transaction::status)
        .as("the lost hold is found by its idempotency key and voided at once")
        .containsExactly("VOIDED");
    assertThat(problemOf(() -> placement.add(ana, token("4111111111111152"))).code())
        .as("no second hold while the first card's fate is not settled")
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);

    t.clock.advanceBy(Duration.ofMinutes(15));
    sweep();

    assertThat(processor.calls("authorizeHold")).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(methods.list(ana.accountId()))
        .extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
    assertThat(placement.add(ana, token("4111111111111152")).status())
        .as("settled: the card can be added again")
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aMicrochargeLostInTransitIsRefundedAndTheCardIsGivenUp() {
    Account ana = account("US");
    processor.failNext("charge", Fault.LOST_RESPONSE_AFTER);

    assertThat(problemOf(() -> placement.add(ana, token("4111111111111210"))).code())
        .isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);

    assertThat(processor.statement("1210"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(methods.list(ana.accountId())).isEmpty();
    assertThat(processor.calls("charge")).isEqualTo(1);
  }

  @Test
  void aMicrochargeTheProcessorNeverTookLeavesOnlyTheVoidedHold() {
    Account ana = account("US");
    processor.failNext("charge", Fault.UNAVAILABLE_BEFORE);

    assertThat(problemOf(() -> placement.add(ana, token("4111111111111251"))).code())
        .isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1251"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED");

    t.clock.advanceBy(Duration.ofMinutes(15));
    assertThat(sweep().finished()).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(methods.list(ana.accountId()))
        .extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
  }

  @Test
  void anOutageThatAlsoStopsTheReleaseLeavesTheHoldDueForTheJobAndIsCounted() {
    Account ana = account("US");
    CardProcessor down =
        new DelegatingProcessor(processor) {
          @Override
          public String charge(String cardToken, Money amount, String descriptor, String key) {
            throw new ProcessorUnavailableException("charge timed out", null);
          }

          @Override
          public void voidHold(String holdId, String key) {
            throw new ProcessorUnavailableException("void timed out", null);
          }
        };

    Problem p =
        problemOf(() -> placementWith(down, t.workflows).add(ana, token("4111111111111277")));

    assertThat(p.code()).isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1277"))
        .extracting(Transaction::status)
        .containsExactly("AUTHORIZED");
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isEqualTo(1);
    PaymentMethod left = methods.list(ana.accountId()).get(0);
    assertThat(left.check().releaseDueAt()).as("due at once").isEqualTo(t.clock.instant());

    t.clock.advanceBy(Duration.ofMinutes(15));
    assertThat(sweep().finished()).isEqualTo(1);
    assertThat(processor.statement("1277"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED");
  }

  @Test
  void aCrashBetweenHoldAndMicrochargeLeavesNothingStandingAfterTheJob() {
    Account ana = account("US");
    processor.failNext("charge", Fault.CRASH_BEFORE);

    assertThatThrownBy(() -> placement.add(ana, token("4111111111111160")))
        .isInstanceOf(SandboxCardProcessor.SimulatedCrash.class);
    assertThat(processor.statement("1160"))
        .extracting(Transaction::status)
        .containsExactly("AUTHORIZED");
    assertThat(t.workflows.cardVerifications).isEmpty();

    t.clock.advanceBy(Duration.ofHours(23));
    assertThat(sweep().finished()).isEqualTo(1);

    assertThat(processor.statement("1160"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED");
    assertThat(processor.calls("authorizeHold")).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(methods.list(ana.accountId()))
        .extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
  }

  @Test
  void theWorkflowFailsACardWhosePlacementCrashedOnceTheProcessorHadTimeToListIt() {
    Account ana = account("US");
    processor.failNext("charge", Fault.CRASH_BEFORE);
    assertThatThrownBy(() -> placement.add(ana, token("4111111111111285")))
        .isInstanceOf(SandboxCardProcessor.SimulatedCrash.class);
    String id = methods.list(ana.accountId()).get(0).paymentMethodId();

    assertThat(placement.confirmPlacement(ana.accountId(), id))
        .as("a lost microcharge may not be listed yet")
        .isEqualTo("PENDING_VERIFICATION");
    t.clock.advanceBy(Duration.ofMinutes(10));
    assertThat(placement.confirmPlacement(ana.accountId(), id)).isEqualTo("FAILED");

    assertThat(processor.statement("1285"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED");
  }

  @Test
  void aProcessorAnswerThatIsNeitherDeclineNorOutageStillLeavesNothingStanding() {
    Account ana = account("US");
    CardProcessor broken =
        new DelegatingProcessor(processor) {
          @Override
          public String charge(String cardToken, Money amount, String descriptor, String key) {
            throw new IllegalStateException("amount_too_small");
          }
        };

    Problem p;
    List<String> logged;
    try (CapturedLog log = CapturedLog.of(ChargePlacement.class)) {
      p = problemOf(() -> placementWith(broken, t.workflows).add(ana, token("4111111111111269")));
      logged = log.lines();
    }

    assertThat(p.code()).isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1269"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED");
    assertThat(t.lifecycle.telemetry().counted(ChargePlacement.PLACEMENT_FAILED)).isEqualTo(1);
    assertThat(logged)
        .singleElement()
        .asString()
        .startsWith("WARNING CardPlacementFailed: payment method pm_")
        .contains("java.lang.IllegalStateException")
        .doesNotContain("amount_too_small");
  }

  @Test
  void aWorkflowThatDoesNotStartIsLoggedAndCountedAndTheCardStaysVerifiable() {
    Account ana = account("US");
    Workflows down =
        new Workflows() {
          @Override
          public void startContactVerification(String challengeId) {}

          @Override
          public void startCardVerification(String accountId, String paymentMethodId) {
            throw new IllegalStateException("throttled");
          }

          @Override
          public void startPayPalLinking(String accountId, String paymentMethodId) {}

          @Override
          public void startAccountDeletion(String accountId, String deletionId) {}
        };

    PaymentMethod pm;
    List<String> logged;
    try (CapturedLog log = CapturedLog.of(ChargePlacement.class)) {
      pm = placementWith(processor, down).add(ana, token("4111111111111293"));
      logged = log.lines();
    }

    assertThat(pm.status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
    assertThat(pm.check().placementComplete()).isTrue();
    assertThat(t.lifecycle.telemetry().counted(ChargePlacement.WORKFLOW_NOT_STARTED)).isEqualTo(1);
    assertThat(logged)
        .singleElement()
        .asString()
        .contains("CardWorkflowNotStarted", pm.paymentMethodId())
        .doesNotContain(descriptorCode("1293"));
    assertThat(
            answers
                .verify(
                    ana,
                    pm.paymentMethodId(),
                    new OwnershipProof.DescriptorCode(descriptorCode("1293")))
                .status())
        .isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void theMicrochargeRespectsTheProcessorsMinimum() {
    CardProcessor stripeLike =
        new DelegatingProcessor(processor) {
          @Override
          public Money minimumCharge() {
            return Money.usd("0.50");
          }
        };
    ChargePlacement withMinimum = placementWith(stripeLike, t.workflows);
    for (int i = 0; i < 20; i++) {
      Account someone = account("US");
      String number = "4111110000000" + String.format("%02d", i);
      String valid = number + Luhn.checkDigit(number);
      withMinimum.add(someone, token(valid));
      assertThat(microcharge(valid.substring(12)).amount().amount())
          .isBetween(new BigDecimal("0.50"), new BigDecimal("0.99"));
    }
  }

  @Test
  void aCardRegisteredByAnotherAccountBetweenTheCheckAndTheWriteIsRefusedAsRegistered() {
    Account ana = account("US");
    placement.add(ana, token("4111111111111418"));

    Problem p =
        problemOf(() -> placementCheckingStale().add(account("US"), token("4111111111111418")));

    assertThat(p.code()).isEqualTo(ErrorCode.CARD_ALREADY_REGISTERED);
    assertThat(processor.statement("1418")).as("only the first account's charges").hasSize(2);
  }

  @Test
  void theSameCardAddedTwiceAtOnceByOneAccountIsAlreadyThere() {
    Account ana = account("US");
    placement.add(ana, token("4111111111111426"));

    Problem p = problemOf(() -> placementCheckingStale().add(ana, token("4111111111111426")));

    assertThat(p.code()).isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);
    assertThat(processor.statement("1426")).hasSize(2);
  }

  @Test
  void anAccountWhosePhoneIsNotProvenCannotAddACardAndNothingIsChargedOrKept() {
    Account ana = emailOnlyAccount("US");
    String token = token("4111111111111442");

    Problem p = problemOf(() -> placement.add(ana, token));

    assertThat(p.code()).isEqualTo(ErrorCode.CONTACT_VERIFICATION_REQUIRED);
    assertThat(p.extensions()).containsEntry("missing", List.of("PHONE"));
    assertThat(processor.statement("1442")).isEmpty();
    assertThat(t.table.paymentMethods().list(ana.accountId())).isEmpty();
    assertThat(t.workflows.cardVerifications).isEmpty();
    Account proven = t.provePhone(ana.accountId());
    assertThat(placement.add(proven, token).status())
        .as("once the phone is proven, the very same token adds the card")
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void anAccountWhoseEmailIsNotProvenCannotAddACardBeforeTheProcessorIsAsked() {
    String phone = t.newPhone("US");
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand(
                    "US", "sms.only@example.com", PASSWORD, PASSWORD, true, "SMS", phone),
                new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(phone)).accountId();
    Account phoneOnly = t.table.accounts().find(id).orElseThrow();
    processor.failNext("describe", Fault.UNAVAILABLE_BEFORE);

    Problem p = problemOf(() -> placement.add(phoneOnly, token("4111111111111459")));

    assertThat(p.code()).isEqualTo(ErrorCode.CONTACT_VERIFICATION_REQUIRED);
    assertThat(p.extensions()).containsEntry("missing", List.of("EMAIL"));
    assertThat(processor.statement("1459")).isEmpty();
  }

  @Test
  void oneTokenAddedAtOnceByTwoAccountsAddsOneCard() {
    Account ana = account("US");
    String token = token("4111111111111467");
    placement.add(ana, token);

    // the second request checked the token and the card before the first one wrote
    Problem p = problemOf(() -> placementCheckingStale().add(account("US"), token));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors())
        .extracting(e -> e.code())
        .containsExactly(FieldErrorCode.UNKNOWN_CARD_TOKEN);
    assertThat(processor.statement("1467")).as("only the first account's charges").hasSize(2);
  }

  /** Charges placed after an eligibility check that read the store before anyone's card. */
  private ChargePlacement placementCheckingStale() {
    DelegatingStore stale =
        new DelegatingStore(t.table.paymentMethods()) {
          @Override
          public Optional<String> fingerprintOwner(String fingerprintHash) {
            return Optional.empty();
          }

          @Override
          public List<PaymentMethod> list(String accountId) {
            return List.of();
          }

          @Override
          public boolean cardTokenUsed(String tokenHash) {
            return false;
          }
        };
    Hmac hmac = new Hmac(t.lifecycle.ports().keys().hmacKey());
    return new ChargePlacement(
        t.table.paymentMethods(),
        new CardEligibility(stale, processor, hmac, t.clock),
        processor,
        hmac,
        release,
        t.workflows,
        t.lifecycle.telemetry(),
        t.clock,
        "ACMECLOUD");
  }

  @Test
  void aCardRemovedWhileItsChargesArePlacedHasThemReleasedAsSoonAsTheyAreRecorded() {
    Account ana = account("US");
    CardProcessor slow =
        new DelegatingProcessor(processor) {
          @Override
          public String authorizeHold(
              String cardToken, Money amount, String descriptor, String key) {
            // the owner removes the card while the processor takes its time
            t.clock.advanceBy(Duration.ofMinutes(11));
            PaymentMethod pending = methods.list(ana.accountId()).get(0);
            methods.remove(ana, pending.paymentMethodId());
            return super.authorizeHold(cardToken, amount, descriptor, key);
          }
        };

    placementWith(slow, t.workflows).add(ana, token("4111111111111434"));

    assertThat(processor.statement("1434"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(methods.list(ana.accountId())).isEmpty();
  }
}
