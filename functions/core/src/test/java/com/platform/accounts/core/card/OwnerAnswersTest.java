package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.support.CapturedLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OwnerAnswersTest extends CardTestSupport {

  @Test
  void theDescriptorCodeVerifiesTheCardAndReleasesBothCharges() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4242424242424242"));

    PaymentMethod verified =
        answers.verify(
            ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("4242")));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    assertThat(processor.statement("4242"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(t.lastMessage(ana.email()).subject()).contains("is verified");
    assertThat(t.events.all()).anyMatch(e -> e.type().equals("PaymentMethodVerified"));
  }

  @Test
  void theUsdAmountVerifiesTheCard() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("5555555555554444"));

    PaymentMethod verified =
        answers.verify(
            ana, pm.paymentMethodId(), new OwnershipProof.UsdAmount(microcharge("4444").amount()));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void theLocalAmountsOfAnAustralianCardVerifyIt() {
    Account bruce = account("AU");
    PaymentMethod pm = placement.add(bruce, token("4000000360000006"));
    List<Transaction> statement = processor.statement("0006");
    assertThat(statement.get(0).amount()).isEqualTo(Money.of("1.35", "AUD"));

    PaymentMethod verified =
        answers.verify(
            bruce,
            pm.paymentMethodId(),
            new OwnershipProof.LocalAmounts(
                Currency.getInstance("AUD"),
                statement.get(0).amount().amount(),
                statement.get(1).amount().amount()));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void localAmountsInAnotherCurrencyThanTheCardsCostNoTry() {
    Account ana = account("US");
    PaymentMethod usCard = placement.add(ana, token("4242424242424242"));
    BigDecimal microcharge = microcharge("4242").amount().amount();
    // right in JPY arithmetic (the microcharge over the hold), but the card is billed in USD
    OwnershipProof yen =
        new OwnershipProof.LocalAmounts(
            Currency.getInstance("JPY"),
            new BigDecimal("150"),
            microcharge.multiply(new BigDecimal("150")).setScale(0, RoundingMode.HALF_UP));

    Problem p = problemOf(() -> answers.verify(ana, usCard.paymentMethodId(), yen));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("localAmounts.currency", FieldErrorCode.INVALID_CURRENCY));
    assertThat(p.errors().get(0).message()).contains("USD");
    assertThat(stored(usCard).status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
    assertThat(stored(usCard).check().attemptsRemaining()).isEqualTo(5);
    assertThat(
            answers
                .verify(
                    ana,
                    usCard.paymentMethodId(),
                    new OwnershipProof.LocalAmounts(
                        Currency.getInstance("USD"), new BigDecimal("1.00"), microcharge))
                .status())
        .as("in the card's own currency the same answer verifies it")
        .isEqualTo(PaymentMethodStatus.VERIFIED);

    Account bruce = account("AU");
    PaymentMethod auCard = placement.add(bruce, token("4000000360000006"));
    OwnershipProof usd =
        new OwnershipProof.LocalAmounts(
            Currency.getInstance("USD"),
            new BigDecimal("1.00"),
            microcharge("0006").amount().amount());
    assertThat(problemOf(() -> answers.verify(bruce, auCard.paymentMethodId(), usd)).errors())
        .extracting(FieldError::field)
        .as("an AUD card's amounts are the AUD ones of its statement")
        .containsExactly("localAmounts.currency");
    assertThat(stored(auCard).check().attemptsRemaining()).isEqualTo(5);
  }

  @Test
  void everyMicrochargeRoundTripsThroughAudExactly() {
    for (int cents = 1; cents <= 99; cents++) {
      Money usd = Money.ofMinor(cents, Currency.getInstance("USD"));
      BigDecimal aud =
          usd.amount().multiply(SandboxCardProcessor.AUD_PER_USD).setScale(2, RoundingMode.HALF_UP);
      assertThat(
              new OwnershipProof.LocalAmounts(
                      Currency.getInstance("AUD"), new BigDecimal("1.35"), aud)
                  .usdMicrocharge())
          .isEqualTo(usd);
    }
  }

  @Test
  void fiveWrongAnswersLockTheCardReleaseTheChargesAndFreeTheNumber() {
    Account ana = account("US");
    String number = "4111111111111111";
    PaymentMethod pm = placement.add(ana, token(number));
    String wrong = wrongCode(descriptorCode("1111"));

    for (int remaining = 4; remaining >= 1; remaining--) {
      Problem p =
          problemOf(
              () ->
                  answers.verify(
                      ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(wrong)));
      assertThat(p.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
      assertThat(p.extensions()).containsEntry("attemptsRemaining", remaining);
    }
    Problem locked =
        problemOf(
            () ->
                answers.verify(
                    ana, pm.paymentMethodId(), new OwnershipProof.UsdAmount(Money.usd("5.00"))));

    assertThat(locked.code()).isEqualTo(ErrorCode.VERIFICATION_LOCKED);
    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(processor.statement("1111"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(t.lastMessage(ana.email()).subject()).contains("could not verify");
    assertThat(
            problemOf(
                    () ->
                        answers.verify(
                            ana,
                            pm.paymentMethodId(),
                            new OwnershipProof.DescriptorCode(descriptorCode("1111"))))
                .code())
        .isEqualTo(ErrorCode.VERIFICATION_LOCKED);
    Account bo = account("US");
    assertThat(placement.add(bo, token(number)).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void anAnswerAfterSevenDaysIsTooLateEvenBeforeTheCardFails() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111301"));
    t.clock.advanceBy(CardVerification.OPEN_FOR);

    Problem late =
        problemOf(
            () ->
                answers.verify(
                    ana,
                    pm.paymentMethodId(),
                    new OwnershipProof.UsdAmount(microcharge("1301").amount())));

    assertThat(late.code()).isEqualTo(ErrorCode.VERIFICATION_EXPIRED);
    assertThat(stored(pm).check().failedAttempts()).isZero();
    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aRightAnswerStandsWhenTheProcessorCannotReleaseAndTheChargesStayDue() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111319"));
    String code = descriptorCode("1319");
    processor.failNext("voidHold", Fault.UNAVAILABLE_BEFORE);

    PaymentMethod verified;
    List<String> logged;
    try (CapturedLog log = CapturedLog.of(ChargeRelease.class)) {
      verified = answers.verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code));
      logged = log.lines();
    }

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    assertThat(verified.check().released()).isFalse();
    assertThat(t.lifecycle.telemetry().counted(ChargeRelease.RELEASE_FAILED)).isEqualTo(1);
    assertThat(logged)
        .singleElement()
        .asString()
        .contains("CardReleaseFailed", pm.paymentMethodId(), "PROCESSOR_UNAVAILABLE")
        .doesNotContain(code);

    t.clock.advanceBy(Duration.ofHours(23));
    assertThat(sweep().finished()).isEqualTo(1);
    assertThat(processor.statement("1319"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
  }

  @Test
  void theRightAnswerDoesItsAfterWorkOnceInTheRequestAndStartsNoOtherWorkflow() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111327"));
    int mails = t.outbox.to(ana.email()).size();

    answers.verify(
        ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("1327")));

    assertThat(t.events.all()).filteredOn(e -> e.type().equals("PaymentMethodVerified")).hasSize(1);
    assertThat(t.outbox.to(ana.email())).hasSize(mails + 1);
    assertThat(processor.statement("1327"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(t.workflows.cardVerifications)
        .as("only the placement's short execution, started when the card was added")
        .containsExactly(pm.paymentMethodId());
  }

  @Test
  void theOwnerOfAnAnsweredCardIsNotToldAboutItsChargesAnyMore() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111335"));
    answers.verify(
        ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("1335")));
    int sent = t.outbox.to(ana.email()).size();

    assertThat(answers.notifyChargesPlaced(ana.accountId(), pm.paymentMethodId()))
        .isEqualTo("VERIFIED");
    assertThat(t.outbox.to(ana.email())).hasSize(sent);
  }

  @Test
  void anotherAccountsCardIsNotFound() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111186"));

    Problem p =
        problemOf(
            () ->
                answers.verify(
                    account("US"),
                    pm.paymentMethodId(),
                    new OwnershipProof.DescriptorCode(descriptorCode("1186"))));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void verifyingAgainAfterSuccessIsAConflict() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111194"));
    String code = descriptorCode("1194");
    answers.verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code));

    assertThat(
            problemOf(
                    () ->
                        answers.verify(
                            ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code)))
                .code())
        .isEqualTo(ErrorCode.ALREADY_VERIFIED);
  }

  @Test
  void simultaneousAnswersEachCountOnce() throws Exception {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111202"));
    String right = descriptorCode("1202");
    List<Callable<String>> tries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tries.add(
          () ->
              outcome(
                  () ->
                      answers.verify(
                          ana,
                          pm.paymentMethodId(),
                          new OwnershipProof.DescriptorCode(wrongCode(right)))));
    }
    tries.add(
        () ->
            outcome(
                () ->
                    answers.verify(
                        ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(right))));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : pool.invokeAll(tries)) {
      outcomes.add(f.get());
    }
    pool.shutdown();

    PaymentMethod stored = stored(pm);
    assertThat(outcomes).filteredOn("VERIFIED"::equals).hasSize(1);
    long wrongCounted = outcomes.stream().filter("VERIFICATION_FAILED"::equals).count();
    assertThat(stored.check().failedAttempts()).isEqualTo((int) wrongCounted);
    assertThat(stored.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  private static String outcome(Runnable action) {
    try {
      action.run();
      return "VERIFIED";
    } catch (Problem p) {
      return p.code().name();
    }
  }

  @Test
  void aRemovedCardCannotBeVerifiedEvenWithTheRightCode() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111350"));
    String code = descriptorCode("1350");
    methods.remove(ana, pm.paymentMethodId());

    Problem p =
        problemOf(
            () ->
                answers.verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code)));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(stored(pm).status()).isEqualTo(PaymentMethodStatus.REMOVED);
  }

  @Test
  void theOwnerIsToldWhatToLookForOnTheStatementButNeverTheCode() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111368"));
    String code = descriptorCode("1368");

    assertThat(answers.notifyChargesPlaced(ana.accountId(), pm.paymentMethodId()))
        .isEqualTo("PENDING_VERIFICATION");

    OutboundMessage mail = t.lastMessage(ana.email());
    assertThat(mail.subject()).isEqualTo("Verify your VISA card ending in 1368");
    assertThat(mail.body())
        .contains("an authorization hold of 1.00 USD")
        .contains("INTL<6 digits>*ACMECLOUD")
        .contains("You have 7 days and 5 tries")
        .doesNotContain(code)
        .doesNotContain("{{");
    assertThat(mail.code()).isNull();
  }

  @Test
  void theCardEmailsPromiseTheReleaseButNotThatTheBanksFeesAreRepaid() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111384"));
    answers.notifyChargesPlaced(ana.accountId(), pm.paymentMethodId());
    String placed = t.lastMessage(ana.email()).body();
    for (int i = 0; i < OwnershipCheck.MAX_ATTEMPTS; i++) {
      problemOf(
          () ->
              answers.verify(
                  ana, pm.paymentMethodId(), new OwnershipProof.UsdAmount(Money.usd("5.00"))));
    }
    String failed = t.lastMessage(ana.email()).body();

    for (String body : List.of(placed, failed)) {
      // read as a person reads it, across the lines of the text
      assertThat(body.replaceAll("\\s+", " "))
          .doesNotContain("not billed")
          .contains("refunded in full")
          .contains("We do not reimburse any fee your bank charges for these transactions");
    }
    assertThat(placed.replaceAll("\\s+", " ")).contains("released within 24 hours");
  }

  @Test
  void theVerifiedCardsOwnerIsToldWhichCard() {
    Account ana = account("US");
    PaymentMethod pm = placement.add(ana, token("4111111111111376"));

    answers.verify(
        ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("1376")));

    assertThat(t.lastMessage(ana.email()).subject()).contains("1376");
    assertThat(t.lastMessage(ana.email()).body()).doesNotContain("{{");
  }
}
